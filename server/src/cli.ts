import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { parseArgs } from 'node:util';
import { URI } from 'vscode-uri';
import { Project } from './engine/project';
import { RULES } from './engine/rules';
import { applyAutomaticFixes } from './engine/fixes';
import type { Finding, Severity } from './engine/types';
import { progressOf } from './engine/model/dd';
import { jsonReportLines } from './engine/report/json';
import { formatText, summarize } from './engine/report/text';
import { toSarif } from './engine/report/sarif';
import { formatProgressMarkdown, formatProgressTable } from './engine/report/progress';
import { progressSvg } from './engine/report/progressSvg';
import type { DdProgress } from './engine/model/dd';
import { formatTemplateDiff, templateDiffJson } from './engine/report/templateDiff';
import { compareWithTemplate } from './engine/template/compare';
import { initSettings, InitRefused } from './host/initSettings';
import { COMMAND_HELP, USAGE } from './cliHelp';
import { FsWorkspace } from './host/fsWorkspace';
import { loadConfig } from './host/loadConfig';
import { findWorkspaceRoot, type WorkspaceRoot } from './host/workspaceRoot';
import { walkFiles } from './host/walk';
import { globMatcher } from './engine/globs';
import { defaultSettings } from './engine/settings';
import { runExternalCheck } from './host/runExternalCheck';
import { checkedFolders, rewriteFile } from './host/rewriteFile';
import { fileUri } from './engine/text/uriText';
import { documentTooLarge } from './engine/parse/limits';
import { availableParallelism } from 'node:os';
import { tuneForCli } from './host/v8Tuning';
import { ParsedDocuments } from './host/parsedDocuments';
import { parseInWorkers, workersFor, type FileToParse } from './host/parallelParse';
import { CheckCache, engineIdentity, RecordingWorkspace, type FileOutcome } from './host/checkCache';
import { appendAll } from './engine/arrays';
import { written } from './host/written';

declare const GOVMD_VERSION: string;
const VERSION = typeof GOVMD_VERSION === 'string' ? GOVMD_VERSION : '0.0.0-dev';

/** The settings schema shipped beside the bundle (server/out/cli.js → schemas/). */
const SCHEMA_FILE = nodePath.join(__dirname, '..', '..', 'schemas', 'govmd.schema.json');

/** A problem with how govmd was called: one line on stderr, exit code 2. */
class UsageError extends Error {}

const SEVERITY_RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

interface Io {
  cwd: string;
  /** Resolves once the text may be followed by more: a reader that takes it slowly holds the writer back. */
  out: (text: string) => void | Promise<void>;
  err: (text: string) => void;
}

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined) {
      io.err(USAGE);
      return 2;
    }
    if (command === '--help' || command === '-h') {
      io.out(USAGE);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      io.out(VERSION);
      return 0;
    }
    if (command === 'help') return help(rest, io);
    if (!Object.hasOwn(COMMANDS, command)) throw new UsageError(`unknown command '${command}'; expected check, progress, template-diff, init or help`);
    if (rest.includes('--help') || rest.includes('-h')) return help([command], io);
    return await COMMANDS[command](rest, io);
  } catch (error) {
    if (error instanceof UsageError || isArgsError(error)) {
      io.err(`govmd: ${(error as Error).message.split('\n')[0]}. Try 'govmd --help'.`);
      return 2;
    }
    io.err(`govmd: internal error: ${firstLine(error)}`);
    return 2;
  }
}

function help(args: string[], io: Io): number {
  if (args.length > 1) throw new UsageError('help takes one command');
  if (args.length === 0) {
    io.out(USAGE);
    return 0;
  }
  const text = COMMAND_HELP[args[0]];
  if (!text) throw new UsageError(`no help for '${args[0]}'; commands are check, progress, template-diff, init and help`);
  io.out(text);
  return 0;
}

function isArgsError(error: unknown): boolean {
  return typeof (error as { code?: string })?.code === 'string' && (error as { code: string }).code.startsWith('ERR_PARSE_ARGS');
}

/** Network access only ever comes from the user: a flag, or a settings file named with --config. */
interface NetworkChoice {
  configNamed: boolean;
  external: boolean;
  allowPrivateHosts: boolean;
}

/**
 * The project of one workspace root: its settings (the root's settings file, or the one named
 * with --config), its files. Undefined, with each problem said on its own line, when the settings
 * file is bad. The `repositories` setting's folders are relative to the settings file.
 */
async function openProject(root: string, configPath: string | undefined, network: NetworkChoice, io: Io, record = false) {
  const config = await loadConfig(configPath);
  const shown = configPath ? displayPath(configPath, io) : '';
  if (config.readProblem) throw new UsageError(`settings file ${shown} ${config.readProblem}`);
  if (config.problems.length > 0) {
    for (const problem of config.problems) {
      io.err(`govmd: ${shown}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.key}: ${problem.message}`);
    }
    return undefined;
  }
  const settings = { ...config.settings, externalLinks: { ...config.settings.externalLinks } };
  if (!network.configNamed) {
    // A repository's own settings file must not make whoever checks it reach the network.
    const widening = (['enabled', 'allowPrivateHosts'] as const).filter((key) => settings.externalLinks[key]);
    if (widening.length > 0) {
      io.err(`govmd: ${shown}: externalLinks.${widening.join(' and externalLinks.')} ignored: a repository's settings file cannot turn on network access (use --external${widening.includes('allowPrivateHosts') ? ', --allow-private-hosts' : ''} or --config)`);
    }
    settings.externalLinks.enabled = false;
    settings.externalLinks.allowPrivateHosts = false;
  }
  if (network.external) settings.externalLinks.enabled = true;
  if (network.allowPrivateHosts) settings.externalLinks.allowPrivateHosts = true;
  const workspace = new FsWorkspace([root], settings.exclude);
  const settingsFolder = configPath ? nodePath.dirname(configPath) : root;
  const parsed = new ParsedDocuments();
  // With --cache, what the check reads is noted: the next run's outcomes may be this run's only while it is the same.
  const recorder = record ? new RecordingWorkspace(workspace) : undefined;
  // Chunks met again in another file are few (a template's paragraph): keeping every chunk's scan
  // for them held 16 MB more at the peak of 10,000 generated files' check, and saved no time.
  const project = new Project(recorder ?? workspace, settings, { settingsFolder: fileUri(settingsFolder), parsed, unheldChunkCharacters: 0, duplicatesReadyForEdits: false });
  return { project, workspace, root, parsed, recorder, settingsFolder };
}

/** The project one named file belongs to, for commands that read it and reach no network. */
function openProjectOf(path: string, config: string | undefined, io: Io) {
  const root = findWorkspaceRoot(path);
  return openProject(root.root, config ? nodePath.resolve(io.cwd, config) : root.configFile, { configNamed: true, external: false, allowPrivateHosts: false }, io);
}

async function check(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    // `--cache=FOLDER` is `--cache --cache-location FOLDER`; `--cache FOLDER` would take a path to check.
    args: args.flatMap((arg) => (arg.startsWith('--cache=') ? ['--cache', `--cache-location=${arg.slice('--cache='.length)}`] : [arg])),
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      config: { type: 'string' },
      'fail-on': { type: 'string', default: 'error' },
      fix: { type: 'boolean', default: false },
      external: { type: 'boolean', default: false },
      'allow-private-hosts': { type: 'boolean', default: false },
      hints: { type: 'boolean', default: false },
      jobs: { type: 'string' },
      cache: { type: 'boolean', default: false },
      'cache-location': { type: 'string' },
    },
  });
  const format = values.format!;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not '${format}'`);
  const failOn = values['fail-on']!;
  if (!(failOn in SEVERITY_RANK) && failOn !== 'none') throw new UsageError(`--fail-on must be error, warning, information, hint or none, not '${failOn}'`);

  // Half the processors by default, as ESLint's `--concurrency auto`: a second parsing thread costs
  // about half again the CPU of one, so on two cores shared with anything else (an editor, CI's
  // other jobs) one thread finished first (cncf/toc at load 4: 7.9 s with one, 10.5 s with two).
  const jobs = values.jobs === undefined ? Math.max(1, Math.floor(availableParallelism() / 2)) : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs takes a whole number above 0, not '${values.jobs}'`);

  const cacheLocation = values['cache-location'];
  if (cacheLocation === '') throw new UsageError('--cache-location takes a folder');
  const cache = values.cache || cacheLocation !== undefined ? new CheckCache(cacheLocation && nodePath.resolve(io.cwd, cacheLocation), engineIdentity(VERSION)) : undefined;

  const paths = positionals.length ? positionals : ['.'];
  const named = paths.map((path) => nodePath.resolve(io.cwd, path));
  const rootCache = new Map<string, WorkspaceRoot | null>();
  // The walk never follows a symbolic link out of the workspace root of the path it walks.
  const walked = await walkFiles(named, defaultSettings().exclude, io.cwd, named.map((path) => findWorkspaceRoot(path, path, rootCache).root));
  let unreadable = walked.problems.length;
  let unwritten = 0;
  const insideFolders = values.fix ? await checkedFolders(paths, io.cwd) : [];
  for (const problem of walked.problems) io.err(`govmd: ${displayPath(problem.path, io)}: ${problem.problem}`);
  const files = walked.files.filter((path) => /\.(md|markdown)$/i.test(path) || positionals.includes(path));

  // Files that share a workspace root share a project; a bad settings file stops the run.
  const byRoot = new Map<string, { root: WorkspaceRoot; paths: string[] }>();
  const rootOf = (path: string) => findWorkspaceRoot(path, named.find((n) => path === n || path.startsWith(`${n}${nodePath.sep}`)) ?? path, rootCache);
  for (const path of files) {
    const root = rootOf(path);
    const group = byRoot.get(root.root) ?? { root, paths: [] };
    group.paths.push(path);
    byRoot.set(root.root, group);
  }
  // Nothing to check: the settings are still read, so that a bad file is said.
  if (byRoot.size === 0) {
    const root = findWorkspaceRoot(named[0]!, named[0], rootCache);
    byRoot.set(root.root, { root, paths: [] });
  }
  const network = { configNamed: values.config !== undefined, external: values.external!, allowPrivateHosts: values['allow-private-hosts']! };
  const projects = [];
  for (const { root, paths } of byRoot.values()) {
    const opened = await openProject(root.root, values.config ? nodePath.resolve(io.cwd, values.config) : root.configFile, network, io, cache !== undefined);
    if (!opened) return 2;
    const excluded = globMatcher(opened.project.settings.exclude);
    projects.push({ ...opened, paths: paths.filter((path) => positionals.includes(path) || !excluded(nodePath.relative(opened.root, path).split(nodePath.sep).join('/'))) });
  }

  const reportHints = values.hints || failOn === 'hint';
  // Each file's shown path is worked out once: the sort and the report ask for it per finding,
  // and a file related to thousands of findings (a definition defined in every repository) is many.
  const shownPaths = new Map<string, string>();
  const fileOf = (uri: string) => {
    let shown = shownPaths.get(uri);
    if (shown === undefined) shownPaths.set(uri, (shown = displayPath(URI.parse(uri).fsPath, io)));
    return shown;
  };
  const findings: Finding[] = [];
  let checked = 0;
  for (const { project, workspace, paths, parsed, recorder, root, settingsFolder } of projects) {
    // A run that fixes files or asks the network is never answered from the cache; its parses may be.
    const runKey = cache && !values.fix && !project.settings.externalLinks.enabled ? { settings: project.settings, settingsFolder, paths } : undefined;
    const replayed = runKey && (await cache!.replay(root, runKey, new FsWorkspace([root], project.settings.exclude)));
    // Only these files are reported on: another repository's definitions cannot be grouped with theirs.
    project.focusOn(paths.map((path) => fileUri(path)));
    if (!replayed) {
      if (cache) parsed.useKept(await cache.parses(root, project.settings.placeholders));
      await parseAhead(project, workspace, paths, parsed, jobs);
    }
    if (project.settings.externalLinks.enabled) {
      const summary = await runExternalCheck(project, paths.map((path) => fileUri(path)));
      io.err(`govmd: checked ${summary.links} external links (${summary.fromCache} from the cache): ${summary.dead} dead, ${summary.unreachable} unreachable`);
    }
    const outcomes: [string, FileOutcome][] = [];
    for (const path of paths) {
      checked++;
      const outcome = replayed?.get(path) ?? (await checkFile(project, workspace, path, values.fix === true));
      outcomes.push([path, outcome]);
      if ('problem' in outcome) {
        io.err(`govmd: ${displayPath(path, io)}: ${outcome.problem}`);
        unreadable++;
        continue;
      }
      // Hints are the editor's faint suggestions (VS Code's Problems panel does not list them either),
      // as TypeScript's suggestion diagnostics never reach `tsc`: asked for, or failed on, they are reported.
      let fileFindings = outcome.findings.filter((finding) => reportHints || finding.severity !== 'hint');
      const uri = fileUri(path);
      // A file too large to read has nothing to fix, and no text to write back.
      if (values.fix && workspace.tooLarge(uri) === undefined) {
        // A bug met in one file costs that file, said in one line; the others are still checked and fixed.
        try {
          const fixed = await fixFile(project, uri, path, fileFindings, insideFolders, io);
          if (fixed) fileFindings = fixed;
          else unwritten++;
        } catch (error) {
          io.err(`govmd: ${displayPath(path, io)}: could not be checked: internal error: ${firstLine(error)}`);
          unreadable++;
          continue;
        }
      }
      appendAll(findings, fileFindings);
      // Checked: the run holds only what later checks read of the file, not its parse.
      await project.release(uri);
      parsed.release(uri);
    }
    if (cache && !replayed) {
      try {
        if (parsed.keptChanged) await cache.saveParses(root, project.settings.placeholders, parsed.used);
        if (runKey && recorder) await cache.saveRun(root, runKey, { reads: [...recorder.reads], stamps: [...recorder.stamps], stats: [...recorder.stats], listing: recorder.listing, outcomes });
      } catch (error) {
        io.err(`govmd: cache not written: ${(error as Error).message.split('\n')[0]}`);
      }
    }
  }
  findings.sort((a, b) => fileOf(a.uri).localeCompare(fileOf(b.uri)));

  if (format === 'json') for (const lines of jsonReportLines(findings, fileOf)) await io.out(lines);
  else if (format === 'sarif') {
    const rules = RULES.map((rule) => ({ ...rule, helpMarkdown: ruleDoc(rule.code) }));
    io.out(JSON.stringify(toSarif(findings, rules, (uri) => sarifPath(URI.parse(uri).fsPath, io.cwd), VERSION), null, 2));
  } else {
    if (findings.length) io.out(formatText(findings, fileOf));
    // Files the walk could not take are not among the checked ones: only the others are subtracted.
    io.out(summarize(findings, checked - (unreadable - walked.problems.length)));
  }

  if (unreadable > 0 || unwritten > 0) return 2;
  if (failOn === 'none') return 0;
  return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn as Severity]) ? 1 : 0;
}

/** An unexpected error as one line of output: its message's first line. */
function firstLine(error: unknown): string {
  return (error as Error)?.message?.split('\n')[0] ?? String(error);
}

/** One file's findings (hints included), or why it could not be checked. */
async function checkFile(project: Project, workspace: FsWorkspace, path: string, keepFixes: boolean): Promise<FileOutcome> {
  const uri = fileUri(path);
  // A bug met in one file costs that file, said in one line; the others are still checked.
  try {
    const checked = await project.check(uri);
    // No report prints a fix: a run that does not apply them does not hold them (half of what the
    // findings of 10,000 generated files kept, 7.6 of 15 MB), nor writes them into its cache.
    const findings = keepFixes ? checked : checked.map(withoutFixes);
    const problem = workspace.problems.get(uri);
    return problem === undefined ? { findings } : { problem };
  } catch (error) {
    return { problem: `could not be checked: internal error: ${firstLine(error)}` };
  }
}

function withoutFixes(finding: Finding): Finding {
  if (!finding.fixes) return finding;
  const { fixes: _applied, ...reported } = finding;
  return reported;
}

/**
 * With more than one job, the files are parsed in worker threads before they are checked (the
 * parse is most of a cold run); the checks, and every pass across files, then run here on those
 * parses, in the same order as with one job, so the report is the same. A run over enough files
 * to start workers parses ahead the other files the check reads in full too — the living
 * definitions duplicates are looked for in, in the checked files' project scopes — and not the
 * rest of the workspace: checking cncf/toc in ../shared/corpus parsed all four repositories'
 * 2,423 Markdown files ahead to check 559. The link targets among the rest are read as links name them.
 */
async function parseAhead(project: Project, workspace: FsWorkspace, paths: readonly string[], parsed: ParsedDocuments, jobs: number): Promise<void> {
  if (jobs < 2) return;
  const files: FileToParse[] = [];
  let bytes = 0;
  const read = async (uri: string) => {
    const text = await workspace.readFile(uri);
    // What the cache holds is not parsed again.
    if (text === undefined || parsed.get(uri, text, true)) return;
    files.push({ uri, path: project.index.relativePath(uri), text });
    bytes += text.length;
  };
  const checked = new Set(paths.map((path) => fileUri(path)));
  for (const uri of checked) await read(uri);
  const workers = workersFor(jobs, bytes);
  if (workers === 0) return;
  for (const uri of await workspace.listFiles()) {
    if (!checked.has(uri) && /\.(md|markdown)$/i.test(uri) && (await project.readsForDuplicates(uri))) await read(uri);
  }
  await parseInWorkers(files, project.settings, workers, parsed, undefined, (file) => project.documentFromText(file.uri, file.text));
}

/**
 * Applies the safe fixes until none is left and writes the file when its text changed: the
 * findings left, or undefined (said in one line) when the file could not be written — it then
 * holds its text as it was, with the findings it had.
 */
async function fixFile(project: Project, uri: string, path: string, findings: Finding[], insideFolders: readonly string[], io: Io): Promise<Finding[] | undefined> {
  const original = (await project.document(uri))!.text;
  const result = await applyAutomaticFixes(uri, original, findings, (text) => project.checkText(uri, text));
  if (result.text === original) return result.findings;
  const outcome = await rewriteFile(path, { expected: original, text: result.text, insideFolders });
  if (!outcome.written) {
    io.err(`govmd: ${displayPath(path, io)}: not fixed: ${outcome.reason}`);
    return undefined;
  }
  for (const { finding, title } of result.applied) {
    io.err(`${displayPath(path, io)}:${finding.range.start.line + 1}:${finding.range.start.character + 1}: fixed ${finding.code}: ${title}`);
  }
  return result.findings;
}

const PROGRESS_FORMATS = ['text', 'markdown', 'json', 'svg'];

/**
 * The criteria progress of each Due Diligence document among the paths. A file named on its own
 * must be one; in folders, documents that are not are passed over.
 */
async function progress(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' }, config: { type: 'string' } },
  });
  const format = values.format!;
  if (!PROGRESS_FORMATS.includes(format)) throw new UsageError(`--format must be text, markdown, json or svg, not '${format}'`);
  if (positionals.length === 0) throw new UsageError('progress takes a Due Diligence document, or folders to find them in');

  const walked = await walkFiles(positionals, defaultSettings().exclude, io.cwd);
  let problems = walked.problems.length;
  for (const problem of walked.problems) io.err(`govmd: ${displayPath(problem.path, io)}: ${problem.problem}`);
  const named = new Set(positionals.map((path) => nodePath.resolve(io.cwd, path)));
  const files = walked.files.filter((path) => named.has(path) || /\.(md|markdown)$/i.test(path));
  const single = positionals.length === 1 && files.length === 1 && named.has(files[0]);

  const reports: { file: string; title: string; progress: DdProgress; lines: number[] }[] = [];
  const projects = new Map<string, Awaited<ReturnType<typeof openProject>>>();
  for (const path of files) {
    const root = findWorkspaceRoot(path).root;
    if (!projects.has(root)) projects.set(root, await openProjectOf(path, values.config, io));
    const opened = projects.get(root);
    if (!opened) return 2;
    const uri = fileUri(path);
    const doc = await opened.project.document(uri);
    const file = displayPath(path, io);
    if (!doc) {
      const size = opened.workspace.tooLarge(uri);
      io.err(`govmd: ${file}: ${opened.workspace.problems.get(uri) ?? (size === undefined ? 'cannot be read' : `is not read: ${documentTooLarge(size)}`)}`);
      problems++;
      continue;
    }
    if (named.has(path) ? doc.dd.criteria.length === 0 : doc.kind !== 'dd' || doc.dd.criteria.length === 0) {
      if (!named.has(path)) continue;
      io.err(`govmd: ${file}: no Due Diligence criteria found (task-list items that start with bold text)`);
      problems++;
      continue;
    }
    reports.push({
      file,
      title: doc.parsed.headings.find((h) => h.depth === 1)?.text ?? file,
      progress: progressOf(doc.dd),
      lines: doc.dd.areas.map((area) => doc.parsed.lines.positionAt(area.heading.span.start).line + 1),
    });
  }
  if (reports.length === 0 && problems === 0) io.err(`govmd: no Due Diligence document found in ${positionals.join(', ')}`);

  if (format === 'svg') {
    if (reports.length > 1) throw new UsageError(`--format svg draws one document; ${reports.length} found (${reports.map((r) => r.file).join(', ')})`);
    if (reports.length === 1) io.out(progressSvg(reports[0].title, reports[0].progress).trimEnd());
  } else if (format === 'json') {
    const objects = reports.map(({ file, title, progress: result, lines }) => ({
      file,
      title,
      required: result.required,
      suggested: result.suggested,
      areas: result.areas.map((area, index) => ({ title: area.title, line: lines[index], required: area.required, suggested: area.suggested })),
    }));
    if (single) {
      if (objects.length === 1) io.out(JSON.stringify(objects[0], null, 2));
    } else io.out(JSON.stringify(objects, null, 2));
  } else if (format === 'markdown') {
    if (reports.length) io.out(reports.map((r) => formatProgressMarkdown(r.title, r.file, r.progress)).join('\n').trimEnd());
  } else if (reports.length) {
    io.out(reports.map((r) => formatProgressTable(single ? r.title : `${r.title} (${r.file})`, r.progress)).join('\n\n'));
  }
  return problems > 0 ? 2 : 0;
}

async function templateDiff(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' }, config: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('template-diff takes exactly one file');
  if (!['text', 'json'].includes(values.format!)) throw new UsageError(`--format must be text or json, not '${values.format}'`);
  const path = nodePath.resolve(io.cwd, positionals[0]);
  const opened = await openProjectOf(path, values.config, io);
  if (!opened) return 2;
  const uri = URI.file(path).toString();
  const doc = await opened.project.document(uri);
  const shown = displayPath(path, io);
  if (!doc) {
    io.err(`govmd: ${shown}: ${opened.workspace.problems.get(uri) ?? 'cannot be read'}`);
    return 2;
  }
  if (doc.kind !== 'dd' || doc.dd.criteria.length === 0) {
    io.err(`govmd: ${shown}: not a Due Diligence document (no criteria under Suggested / Required)`);
    return 2;
  }
  const template = await opened.project.templates.templateFor(doc);
  if (!template) {
    io.err(`govmd: ${shown}: neither the title nor the file name says graduation or incubation, the levels cncf/toc keeps a DD template for`);
    return 2;
  }
  const comparison = compareWithTemplate(doc, template);
  if (!comparison) {
    io.err(`govmd: ${shown}: fewer than half of the template's criteria are in it; it follows another format than the ${template.level} template`);
    return 2;
  }
  const pathOf = (target: string) => displayPath(URI.parse(target).fsPath, io);
  if (values.format === 'json') io.out(JSON.stringify(templateDiffJson(doc, comparison, pathOf), null, 2));
  else io.out(formatTemplateDiff(doc, comparison, shown, pathOf));
  return comparison.missing.length + comparison.moved.length > 0 ? 1 : 0;
}

/** `govmd init [FOLDER]`: a settings file with the schema and the repositories checked out below. */
async function init(args: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length > 1) throw new UsageError('init takes one folder');
  const folder = nodePath.resolve(io.cwd, positionals[0] ?? '.');
  try {
    const result = await initSettings(folder, SCHEMA_FILE);
    const names = Object.entries(result.repositories);
    io.out(`Wrote ${displayPath(result.path, io)} with ${names.length === 1 ? '1 repository' : `${names.length} repositories`}${names.length ? ':' : '.'}`);
    for (const [name, path] of names) await io.out(`  ${name} -> ${path}`);
    if (result.schema.startsWith('../')) {
      io.err(`govmd: note: "$schema" is this govmd's copy of the schema (${result.schema}), outside ${displayPath(folder, io) || '.'}; the VS Code extension validates .govmd.json without it`);
    }
    return 0;
  } catch (error) {
    if (error instanceof InitRefused) {
      io.err(`govmd: ${displayPath(error.path, io)}: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = { check, progress, 'template-diff': templateDiff, init };

/** The rule's page as shipped beside the bundle (server/out/cli.js → docs/rules/), if it is there. */
function ruleDoc(code: string): string | undefined {
  try {
    return readFileSync(nodePath.join(__dirname, '..', '..', 'docs', 'rules', `${code}.md`), 'utf8');
  } catch {
    return undefined;
  }
}

function displayPath(path: string, io: Io): string {
  const relative = nodePath.relative(io.cwd, path);
  return (relative || path).split(nodePath.sep).join('/');
}

function sarifPath(path: string, root: string): string {
  const relative = nodePath.relative(root, path);
  return (relative.startsWith('..') ? path : relative).split(nodePath.sep).join('/');
}

/** The `govmd` executable: real arguments, real streams, the exit code set when done. */
export function run(): void {
  tuneForCli();
  main(process.argv.slice(2), {
    cwd: process.cwd(),
    out: (text) => written(process.stdout, `${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  }).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) run();
