import type { Rule } from './rule';
import { parseDestination, repairSpaces, type UrlProblem } from '../links/destination';
import { editInUrl, linkOccurrences } from '../links/occurrences';
import { fix, shorten } from './edits';

export const malformedUrl: Rule = {
  code: 'malformed-url',
  description: 'A link destination is not the URL its author meant: the scheme written twice or misspelt, a domain without `https://`, white space.',
  defaultSeverity: 'error',
  appliesTo: ['dd', 'meeting', 'template', 'governance'],
  check({ doc, workspace }, report) {
    for (const occurrence of linkOccurrences(doc.parsed)) {
      const destination = parseDestination(occurrence.url);
      const whole = { start: 0, end: occurrence.url.length };
      if (destination.type === 'malformed') {
        const { problem } = destination;
        if (!isServedByGitHub(problem.corrected)) {
          // `https:github.com/cncf/toc/projects/…` repaired is still a 404: repository files live under blob/BRANCH/.
          report({ span: occurrence.span, message: `Malformed URL: ${problem.message}, and GitHub serves no page at ${shorten(problem.corrected)} (files are under blob/BRANCH/)` });
          continue;
        }
        const edit = editInUrl(occurrence, whole, problem.corrected);
        report({
          span: occurrence.span,
          message: `Malformed URL: ${problem.message}; did you mean ${shorten(problem.corrected)}?`,
          fixes: edit ? [fix(fixTitle(occurrence.url, problem), [edit], { automatic: true, isPreferred: true })] : [],
        });
      } else if (destination.type === 'path' && destination.bareDomain) {
        // A file of that name in the workspace makes it a relative link after all.
        if (workspace.links?.get(occurrence.url)?.kind) continue;
        const edit = editInUrl(occurrence, { start: 0, end: 0 }, 'https://');
        report({
          span: occurrence.span,
          message: `Malformed URL: ${shorten(occurrence.url, 60)} is a domain without "https://", so GitHub links to a file of that name; did you mean https://${shorten(occurrence.url, 60)}?`,
          fixes: edit ? [fix('Add https://', [edit], { automatic: true, isPreferred: true })] : [],
        });
      }
    }
    for (const link of doc.parsed.unrenderedLinks) {
      if (link.kind !== 'space-in-url') continue;
      report({
        span: link.span,
        message: `Malformed URL: it holds white space, so the link does not render; did you mean ${shorten(repairSpaces(link.url))}?`,
        fixes: [fix('Remove or encode the spaces', link.edits, { automatic: true, isPreferred: true })],
      });
    }
  },
};

function fixTitle(url: string, problem: UrlProblem): string {
  switch (problem.kind) {
    case 'doubled-scheme':
      return `Drop the doubled "${url.trim().slice(0, url.trim().length - problem.corrected.length)}"`;
    case 'misspelled-scheme':
      return `Write "${/^https?:\/\//.exec(problem.corrected)![0]}"`;
    case 'whitespace':
      return 'Remove or encode the spaces';
  }
}

/** What follows OWNER/REPO in the URLs of github.com's own pages. */
const GITHUB_PAGES = new Set([
  'blob', 'tree', 'raw', 'blame', 'issues', 'pull', 'pulls', 'wiki', 'releases', 'discussions', 'actions', 'commit',
  'commits', 'compare', 'security', 'labels', 'milestones', 'milestone', 'tags', 'branches', 'graphs', 'pulse', 'network',
  'stargazers', 'watchers', 'forks', 'contributors', 'search', 'archive', 'packages', 'deployments', 'activity', 'edit', 'new',
]);

/** A repaired URL that still leads nowhere on GitHub (`github.com/o/r/docs/x.md` without `blob/BRANCH/`) is no fix. */
function isServedByGitHub(url: string): boolean {
  const match = /^https?:\/\/(?:www\.)?github\.com\/[^/?#]+\/[^/?#]+\/([^/?#]+)(\/[^/?#]+)?/i.exec(url);
  if (!match) return true;
  const page = match[1].toLowerCase();
  return GITHUB_PAGES.has(page) || (page === 'projects' && /^\/\d+$/.test(match[2] ?? ''));
}
