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

/** Every rule the engine runs, in the order their findings are listed for one line. */
export const RULES: readonly Rule[] = [
  uncheckedCriterion,
  checkedWithTodo,
  subcriteriaMismatch,
  missingEvaluation,
  openTodo,
  placeholder,
  malformedCheckbox,
  duplicateCriterion,
  conflictingStatus,
  actionWithoutOwner,
  unknownOwner,
  duplicateSection,
];
