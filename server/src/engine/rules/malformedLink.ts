import type { Rule } from './rule';
import type { UnrenderedLinkKind } from '../model/unrenderedLinks';
import { fix } from './edits';

const PROBLEMS: Record<Exclude<UnrenderedLinkKind, 'space-in-url'>, { message: string; fix: string; automatic: boolean }> = {
  'missing-parentheses': { message: 'the destination needs parentheses: [text](url)', fix: 'Put the URL in parentheses', automatic: true },
  'missing-bracket': { message: 'the "]" that closes the link text is missing', fix: 'Close the link text with "]"', automatic: true },
  'space-before-parenthesis': { message: 'no space may stand between "]" and "("', fix: 'Remove the space', automatic: true },
  'backtick-in-text': { message: 'a backtick in the link text pairs with one after ")" and turns it all into code', fix: 'Close the code inside the link text', automatic: false },
  'in-code': { message: 'the link is inside backticks, so it shows as code', fix: 'Remove the backticks', automatic: false },
  'split-code': { message: 'the link is cut across two code spans, so it shows as code', fix: 'Join it into one link', automatic: false },
};

export const malformedLink: Rule = {
  code: 'malformed-link',
  description: 'Markdown written as a link that GitHub renders as plain text or code.',
  defaultSeverity: 'warning',
  appliesTo: ['dd', 'meeting', 'template', 'governance'],
  check({ doc }, report) {
    for (const link of doc.parsed.unrenderedLinks) {
      if (link.kind === 'space-in-url') continue; // malformed-url's: the URL itself is wrong
      const problem = PROBLEMS[link.kind];
      report({
        span: link.span,
        message: `This does not render as a link: ${problem.message}`,
        fixes: [fix(problem.fix, link.edits, { automatic: problem.automatic, isPreferred: true })],
      });
    }
  },
};
