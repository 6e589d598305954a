// npm run corpus: govmd over real governance repositories, against a reviewed expectation file.
//
// In the manner of markdownlint's test-repos: the CLI, as a process, checks test/corpus/ (a copy of
// cncf/toc, open-telemetry/community, fluxcd/community and argoproj/argoproj; see its README) and
// every finding is compared with test/corpus.expected.tsv, where each one carries a verdict written
// after opening the file at that line. Any difference fails the run; so does a finding whose
// verdict is not "real", a run that exits 2, or anything said on stderr (a part left unchecked).
// Noise is fixed in the engine, never accepted here. The corpus is checked three ways — in worker
// threads writing a cache, in one thread, from that warm cache — and the three reports must be
// the same, byte for byte.
//
//   npm run corpus                      check
//   npm run corpus -- --update          rewrite the file: verdicts kept, new findings UNREVIEWED
//   npm run corpus -- --corpus DIR      another copy (../shared/corpus), same expectations
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const EXPECTED = join(ROOT, 'test', 'corpus.expected.tsv');
const UNREVIEWED = 'UNREVIEWED';

const args = process.argv.slice(2);
const update = args.includes('--update');
const corpusAt = args.indexOf('--corpus');
const corpus = resolve(corpusAt >= 0 ? args[corpusAt + 1] : join(ROOT, 'test', 'corpus'));
if (!existsSync(join(corpus, '.govmd.json'))) {
  console.error(`corpus: no corpus at ${corpus} (expected its .govmd.json)`);
  process.exit(2);
}

// The report must not depend on how it was made: worker threads, one thread, a warm cache.
const cacheFolder = mkdtempSync(join(tmpdir(), 'govmd-corpus-cache-'));
const RUNS = [
  { label: '--jobs 2, cache written', args: ['--jobs', '2', '--cache-location', cacheFolder] },
  { label: '--jobs 1', args: ['--jobs', '1'] },
  { label: 'warm --cache', args: ['--cache-location', cacheFolder] },
];
const runs = RUNS.map(({ label, args }) => {
  const started = Date.now();
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'govmd.js'), 'check', '.', '--format', 'json', ...args], {
    cwd: corpus,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { label, result, seconds: ((Date.now() - started) / 1000).toFixed(1) };
});
rmSync(cacheFolder, { recursive: true, force: true });
const run = runs[0].result;
const seconds = runs.map((r) => `${r.seconds} s ${r.label}`).join(', ');

let findings;
try {
  findings = JSON.parse(run.stdout);
} catch {
  console.error(`corpus: govmd printed no JSON (exit ${run.status}):\n${run.stderr}`);
  process.exit(1);
}

/** One line per finding: what a reviewer reads, and what must stay the same. */
const keyOf = (f) => [`${f.file}:${f.line}:${f.column}`, f.code, f.severity, f.message.replace(/[\t\n]/g, ' ')].join('\t');
const actual = findings.map(keyOf);

const expected = new Map();
if (existsSync(EXPECTED)) {
  for (const line of readFileSync(EXPECTED, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split('\t');
    expected.set(fields.slice(0, 4).join('\t'), fields.slice(4).join('\t'));
  }
}

const counts = {};
for (const f of findings) counts[f.code] = (counts[f.code] ?? 0) + 1;
console.log(`corpus: ${findings.length} findings in ${new Set(findings.map((f) => f.file)).size} files, govmd exit ${run.status} (${seconds}; ${corpus})`);
for (const [code, count] of Object.entries(counts).sort((a, b) => b[1] - a[1])) console.log(`  ${String(count).padStart(5)}  ${code}`);

if (update) {
  const header = [
    '# npm run corpus: every finding govmd reports on test/corpus/, with a verdict written after opening the file at that line.',
    '# location\tcode\tseverity\tmessage\tverdict ("real: why" — noise is fixed in the engine, never written here)',
  ];
  const lines = [...new Set(actual)].sort().map((key) => `${key}\t${expected.get(key) ?? UNREVIEWED}`);
  writeFileSync(EXPECTED, `${header.join('\n')}\n${lines.join('\n')}\n`);
  console.log(`corpus: wrote ${lines.length} findings to ${EXPECTED} (${lines.filter((l) => l.endsWith(UNREVIEWED)).length} to review)`);
  process.exit(0);
}

const problems = [];
const actualSet = new Set(actual);
const added = [...actualSet].filter((key) => !expected.has(key)).sort();
const gone = [...expected.keys()].filter((key) => !actualSet.has(key)).sort();
for (const key of added) problems.push(`new:  ${key}`);
for (const key of gone) problems.push(`gone: ${key}`);
for (const [key, verdict] of expected) {
  if (!/^real\b/i.test(verdict)) problems.push(`not a reviewed real finding (${verdict || 'no verdict'}): ${key}`);
}
if (run.status !== 0 && run.status !== 1) problems.push(`govmd exited ${run.status}: the corpus is valid Markdown, 2 is for input that cannot be read`);
if (run.stderr.trim()) problems.push(`govmd said on stderr:\n${run.stderr.trim()}`);
for (const other of runs.slice(1)) {
  const differing = ['stdout', 'stderr', 'status'].filter((field) => other.result[field] !== run[field]);
  if (differing.length) problems.push(`${other.label} differs from ${runs[0].label} in ${differing.join(', ')}`);
}

if (problems.length) {
  console.log(`\ncorpus: ${problems.length} differences from ${EXPECTED}:`);
  for (const problem of problems) console.log(`  ${problem}`);
  console.log('\nA new finding that is real: review it, then `npm run corpus -- --update` and write its verdict. Noise: fix the engine.');
  process.exit(1);
}
console.log(`corpus: same ${actual.length} findings as reviewed, every one real`);
