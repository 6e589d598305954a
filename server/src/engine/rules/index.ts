import type { Rule } from './rule';
import { uncheckedCriterion } from './uncheckedCriterion';
import { checkedWithTodo } from './checkedWithTodo';
import { missingEvaluation } from './missingEvaluation';
import { subcriteriaMismatch } from './subcriteriaMismatch';
import { openTodo } from './openTodo';
import { placeholder } from './placeholder';
import { malformedCheckbox } from './malformedCheckbox';
import { duplicateCriterion } from './duplicateCriterion';
import { conflictingStatus } from './conflictingStatus';
import { actionWithoutOwner } from './actionWithoutOwner';
import { unknownOwner } from './unknownOwner';
import { duplicateSection } from './duplicateSection';
import { deadExternalLink } from './deadExternalLink';
import { brokenLink } from './brokenLink';
import { brokenFragment } from './brokenFragment';
import { brokenLineAnchor } from './brokenLineAnchor';
import { malformedUrl } from './malformedUrl';
import { malformedLink } from './malformedLink';
import { linkTextMismatch } from './linkTextMismatch';
import { undefinedReference } from './undefinedReference';
import { duplicateDefinition } from './duplicateDefinition';
import { duplicateHeading } from './duplicateHeading';
import { templateDrift } from './templateDrift';
import { notChecked } from './notChecked';
import { metWithoutEvidence } from './metWithoutEvidence';

/** The rules about links, listed last. */
const LINK_RULES: readonly Rule[] = [
  brokenLink,
  brokenFragment,
  brokenLineAnchor,
  malformedUrl,
  malformedLink,
  linkTextMismatch,
  undefinedReference,
  duplicateDefinition,
  duplicateHeading,
];

/** Every rule the engine runs, in the order their findings are listed for one line. */
export const RULES: readonly Rule[] = [
  notChecked,
  uncheckedCriterion,
  checkedWithTodo,
  subcriteriaMismatch,
  missingEvaluation,
  metWithoutEvidence,
  openTodo,
  placeholder,
  malformedCheckbox,
  duplicateCriterion,
  templateDrift,
  conflictingStatus,
  actionWithoutOwner,
  unknownOwner,
  duplicateSection,
  deadExternalLink,
  ...LINK_RULES,
];
