// `govmd check` as a user runs it: a whole process per run, against VS Code's Markdown link
// validation (MLS) over the same files in a process of its own, in interleaved rounds.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findMarkdownFiles } from './peers/vscodeMarkdown';
import { runMeasured, type MeasuredRun } from './measuredProcess';
import { median, medianPairedRatio } from './stats';
import { duration, markdownTable, megabytes, ratio } from './table';

export const GOVMD = join(__dirname, '..', 'bin', 'govmd.js');

/** The CLI's flags this bench can use, read from its own help so the bench follows the CLI as it changes. */
export interface CliFlags {
  cache: boolean;
  cacheLocation: boolean;
  jobs: boolean;
}

export function detectCliFlags(): CliFlags {
  const text = [['--help'], ['check', '--help']]
    .map((args) => spawnSync(process.execPath, [GOVMD, ...args], { encoding: 'utf8' }))
    .map((help) => `${help.stdout}${help.stderr}`)
    .join('\n');
  return { cache: /--cache\b(?!-)/.test(text), cacheLocation: /--cache-location\b/.test(text), jobs: /--jobs\b/.test(text) };
}

export interface CliTarget {
  label: string;
  folder: string;
}

interface Variant {
  label: string;
  args: string[];
  /** Runs once, untimed, before the rounds (a warm cache must first be written). */
  primed?: boolean;
  /** Why this run cannot be made with the CLI as it is. */
  unsupported?: string;
}

interface Series {
  label: string;
  runs: MeasuredRun[];
  findings?: number;
  error?: string;
  /** An exit status other than 0 or 1 from a run that still reported. */
  exit?: string;
  unsupported?: string;
}

export interface CliBenchOptions {
  targets: CliTarget[];
  rounds: number;
  peerBundle: string;
  /** A writable folder for the cache of the warm runs. */
  scratch: string;
}

export async function benchCli(options: CliBenchOptions): Promise<string> {
  const flags = detectCliFlags();
  const sections = [
    `CLI as a process: \`govmd check . --format json\` in the folder, against the MLS peer (every Markdown file tokenized by markdown-it and its link diagnostics computed, VS Code's validation settings), ${options.rounds} interleaved round(s); wall time median (min–max), peak RSS median; ratios are medians of each round's govmd/MLS.`,
    `CLI flags found: --cache ${flags.cache ? 'yes' : 'no'}, --cache-location ${flags.cacheLocation ? 'yes' : 'no'}, --jobs ${flags.jobs ? 'yes' : 'no'}.`,
  ];
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const target of options.targets) rows.push(...(await benchTarget(target, flags, options, notes)));
  sections.push(markdownTable(['folder', 'run', 'wall', 'peak RSS', 'per file', 'findings', 'time ×MLS', 'RSS ×MLS'], rows), ...notes);
  return sections.join('\n');
}

async function benchTarget(target: CliTarget, flags: CliFlags, options: CliBenchOptions, notes: string[]): Promise<string[][]> {
  const files = findMarkdownFiles(target.folder);
  // Both sides then read from the page cache, whichever runs first.
  const bytes = files.reduce((sum, file) => sum + readFileSync(file).length, 0);
  const variants = govmdVariants(flags, join(options.scratch, `cache-${target.label.replace(/\W+/g, '-')}`));
  const peer: Series = { label: 'MLS, cold', runs: [] };
  const govmd: Series[] = variants.map((variant) => ({ label: `govmd, ${variant.label}`, runs: [], unsupported: variant.unsupported }));
  for (const [index, variant] of variants.entries()) if (variant.primed && !variant.unsupported) await runGovmd(target.folder, variant, govmd[index]);
  for (const series of govmd) series.runs = [];

  for (let round = 0; round < options.rounds; round++) {
    console.error(`bench cli: ${target.label} (${files.length} files), round ${round + 1} of ${options.rounds}`);
    const peerRun = await runMeasured(process.execPath, [options.peerBundle, '.'], target.folder);
    if (peerRun.code !== 0) peer.error ??= firstLine(peerRun.stderr) || `exit ${peerRun.code}`;
    else {
      peer.findings = (JSON.parse(peerRun.stdout) as { diagnostics: number }).diagnostics;
      peer.runs.push(peerRun);
    }
    for (const [index, variant] of variants.entries()) {
      if (govmd[index].error || variant.unsupported) continue;
      await runGovmd(target.folder, variant, govmd[index]);
    }
  }

  const name = `${target.label} (${files.length} files, ${(bytes / 1e6).toFixed(1)} MB)`;
  for (const series of govmd) if (series.exit) notes.push(`${target.label}, ${series.label}: ${series.exit}`);
  const peerWall = peer.runs.map((run) => run.wallMs);
  const peerRss = peer.runs.map((run) => run.peakRssMb ?? Number.NaN);
  return [peer, ...govmd].map((series, index) => {
    const wall = series.runs.map((run) => run.wallMs);
    const rss = series.runs.map((run) => run.peakRssMb ?? Number.NaN);
    const cells = [index === 0 ? name : '', series.label];
    if (series.unsupported) return [...cells, `n/a (${series.unsupported})`, '', '', '', '', ''];
    if (series.error) return [...cells, `failed: ${series.error}`, '', '', '', '', ''];
    return [
      ...cells,
      `${duration(median(wall))} (${duration(Math.min(...wall))}–${duration(Math.max(...wall))})`,
      megabytes(median(rss)),
      duration(median(wall) / files.length),
      String(series.findings ?? 'n/a'),
      index === 0 ? '1' : ratio(medianPairedRatio(wall, peerWall)),
      index === 0 ? '1' : ratio(medianPairedRatio(rss, peerRss)),
    ];
  });
}

function govmdVariants(flags: CliFlags, cacheFolder: string): Variant[] {
  const noFlag = (flag: string) => (flags[flag.slice(2) as keyof CliFlags] ? undefined : `the CLI has no ${flag} flag`);
  return [
    { label: flags.jobs ? 'cold, default --jobs' : 'cold', args: [] },
    { label: 'cold, --jobs 1', args: ['--jobs', '1'], unsupported: noFlag('--jobs') },
    { label: 'warm (--cache, nothing changed)', args: ['--cache', ...(flags.cacheLocation ? ['--cache-location', cacheFolder] : [])], primed: true, unsupported: noFlag('--cache') },
  ];
}

async function runGovmd(folder: string, variant: Variant, series: Series): Promise<void> {
  const run = await runMeasured(process.execPath, [GOVMD, 'check', '.', '--format', 'json', ...variant.args], folder);
  // Exit 1 is findings at error level, exit 2 also a file (or part of one) left unchecked: either
  // way the report is whole when the JSON is; only a run without one failed.
  try {
    series.findings = (JSON.parse(run.stdout) as unknown[]).length;
  } catch {
    series.error = firstLine(run.stderr) || `exit ${run.code} without a JSON report`;
    return;
  }
  if (run.code !== 0 && run.code !== 1) series.exit ??= `exit ${run.code}: ${firstLine(run.stderr)}`;
  series.runs.push(run);
}

const firstLine = (text: string) => text.trim().split('\n')[0]?.slice(0, 120) ?? '';
