import zeptomatch from 'zeptomatch';
import { RE2JS } from 're2js';

/** Longer globs are not file patterns anyone writes; they only cost time. */
const MAX_GLOB_LENGTH = 500;
/** `{a,b}{c,d}` is 4 patterns; ranges such as `{1..9999999}` would be millions. */
const MAX_BRACE_EXPANSIONS = 256;
/** The regular expression a glob compiles to, in characters. */
const MAX_COMPILED_LENGTH = 20_000;

/** Each glob's problem (or none), as found once: the settings' check and each matcher ask again. */
const problems = new Map<string, string | undefined>();

/**
 * Why a glob of the settings (`exclude`, `kinds`) cannot be used, or undefined when it can.
 * Checked at load, so that a bad glob is reported once and never reaches a matcher.
 */
export function globProblem(glob: string): string | undefined {
  if (problems.has(glob)) return problems.get(glob);
  // Compiling with RE2JS is what costs: a cold check of cncf/toc spent 17 ms compiling a dozen globs again.
  const problem = findGlobProblem(glob);
  if (problems.size >= 256) problems.clear();
  problems.set(glob, problem);
  return problem;
}

function findGlobProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `a glob of at most ${MAX_GLOB_LENGTH} characters`;
  if (glob.startsWith('!')) return 'a glob without negation ("!"): list the paths themselves';
  const expansions = braceExpansions(glob);
  if (expansions > MAX_BRACE_EXPANSIONS) return `a glob whose braces expand to at most ${MAX_BRACE_EXPANSIONS} patterns, not ${expansions > 1e9 ? 'over a billion' : expansions}`;
  const source = zeptomatch.compile(glob).source;
  if (source.length > MAX_COMPILED_LENGTH) return `a simpler glob (this one compiles to ${source.length} characters of regular expression)`;
  try {
    RE2JS.compile(source);
  } catch (error) {
    return `a valid glob (${(error as Error).message})`;
  }
  return undefined;
}

const compiled = new Map<string, (path: string) => boolean>();

/**
 * Whether a `/`-separated relative path matches any of the globs (`*`, `**`, `?`, `[...]`,
 * `{a,b}`, `{1..3}`; dot files match like any other). Globs that `globProblem` refuses never match.
 *
 * zeptomatch compiles globs to regular expressions without lookaround, and RE2JS runs them in
 * time linear in the path: picomatch's backtracking expressions took 56 s to match one name
 * against `**\/*a*a*a*a*a*a*a*a*a*a*a*a*b`.
 */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  // Compiled when first asked: matchers made as a module loads (file kinds) cost a run that never
  // uses them, such as one answered from the cache, the time to compile them.
  let matcher: ((path: string) => boolean) | undefined;
  return (path) => (matcher ??= compiledMatcher(globs))(path);
}

function compiledMatcher(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\u0000');
  let matcher = compiled.get(key);
  if (!matcher) {
    const usable = globs.filter((glob) => globProblem(glob) === undefined);
    if (usable.length === 0) matcher = () => false;
    else {
      const pattern = RE2JS.compile(`(?s)${zeptomatch.compile(usable).source}`);
      matcher = (path) => pattern.test(path);
    }
    if (compiled.size >= 64) compiled.clear();
    compiled.set(key, matcher);
  }
  return matcher;
}

/** How many patterns a glob's braces expand to (nested groups counted as if side by side: an upper bound). */
function braceExpansions(glob: string): number {
  let product = 1;
  const open: { start: number; alternatives: number }[] = [];
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '\\') i++;
    else if (ch === '{') open.push({ start: i, alternatives: 1 });
    else if (ch === ',' && open.length > 0) open[open.length - 1]!.alternatives++;
    else if (ch === '}' && open.length > 0) {
      const group = open.pop()!;
      const range = /^(-?\d+|[a-zA-Z])\.\.(-?\d+|[a-zA-Z])(?:\.\.-?\d+)?$/.exec(glob.slice(group.start + 1, i));
      product *= range ? rangeSize(range[1]!, range[2]!) : group.alternatives;
      if (product > 1e9) return product;
    }
  }
  return product;
}

function rangeSize(from: string, to: string): number {
  const numeric = /\d/.test(from) && /\d/.test(to);
  const size = numeric ? Math.abs(Number(to) - Number(from)) + 1 : Math.abs(to.charCodeAt(0) - from.charCodeAt(0)) + 1;
  return Number.isFinite(size) ? size : Infinity;
}
