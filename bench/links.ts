// Whole-workspace link validation: govmd's link rules against vscode-markdown-languageservice
// (the validator behind VS Code's own Markdown diagnostics), in one process, on the same files.
import { performance } from 'node:perf_hooks';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import MarkdownIt from 'markdown-it';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import * as mls from 'vscode-markdown-languageservice';
import { Emitter } from 'vscode-languageserver-protocol';
import { Project } from '../server/src/engine/project';
import { InMemoryWorkspace } from '../server/src/engine/workspace';
import { parseSettings } from '../server/src/engine/settings';
import { checkDocument } from '../server/src/engine/check';
import { LINK_RULES } from '../server/src/engine/rules';

export interface LinkPassTiming {
  /** How many documents had their links validated. */
  documents: number;
  govmdMs: number;
  /** Of govmdMs, the time spent reading the validated documents for their links. */
  govmdParseMs: number;
  govmdFindings: number;
  /** How govmd read the anchors of link targets: by the line scan, by a full parse, from a document it had parsed. */
  govmdTargets: { targetScans: number; targetParses: number; targetsKnown: number };
  peerMs?: number;
  peerFindings?: number;
  /** peerMs / govmdMs: above 1 means govmd is faster. */
  ratio?: number;
}

export interface LinkBenchResult {
  files: number;
  bytes: number;
  /** The same whole-workspace pass over copies of the real fixture files. */
  fixtures?: LinkPassTiming & { bytes: number };
  /** Every file's links validated, cold. */
  workspace: LinkPassTiming;
  /** The links of one document per folder (the ones open in an editor) validated against the whole workspace, cold. */
  open: LinkPassTiming;
  peerError?: string;
}

/**
 * A governance-like workspace: `folders` folders of Markdown files, each with a table of contents,
 * sections that link to headings of other files (one link in fifty broken), line anchors, images,
 * reference links and external URLs.
 */
export function generateWorkspace(fileCount = 2000, folders = 20): Record<string, string> {
  const files: Record<string, string> = {};
  const name = (i: number) => `file:///bench/team-${i % folders}/doc-${i}.md`;
  const relative = (from: number, to: number) => (from % folders === to % folders ? `doc-${to}.md` : `../team-${to % folders}/doc-${to}.md`);
  let broken = 0;
  for (let i = 0; i < fileCount; i++) {
    const sections = ['Overview', 'Roles and Responsibilities', 'Adding New Maintainers', 'Voting', 'Code of Conduct', 'Security Reporting', 'Releases', 'Contact'];
    const lines = [`# Document ${i}`, '', ...sections.map((s) => `- [${s}](#${s.toLowerCase().replace(/ /g, '-')})`), ''];
    sections.forEach((section, s) => {
      const other = (i * 7 + s * 13 + 1) % fileCount;
      const fragment = ++broken % 50 === 0 ? 'no-such-heading' : sections[(s + 1) % sections.length].toLowerCase().replace(/ /g, '-');
      lines.push(`## ${section}`, '');
      lines.push(
        `This section of document ${i} explains ${section.toLowerCase()}. See [the ${sections[(s + 1) % sections.length]} section](${relative(i, other)}#${fragment}) ` +
          `and [the project site](https://example.org/${i}/${s}) for details, or [${section}][ref-${s}].`,
        '',
        `- Lines cited: [source](${relative(i, other)}#L${2 + s}) and ![diagram](../assets/diagram-${s % 3}.png)`,
        `- Back to the [overview](#overview) of this file; also <https://github.com/example/other/blob/main/x.md>.`,
        '',
        `[ref-${s}]: ${relative(i, (other + 1) % fileCount)}`,
        '',
      );
    });
    files[name(i)] = lines.join('\n');
  }
  for (let k = 0; k < 3; k++) files[`file:///bench/assets/diagram-${k}.png`] = 'PNG';
  return files;
}

/**
 * Real governance text: the test fixtures (the Dragonfly community repository, the seed DD and
 * meeting note) copied into folders until the workspace holds `fileCount` files. Code blocks,
 * tables, bare URLs and HTML included, as they come.
 */
export function fixtureWorkspace(fileCount = 2000): Record<string, string> {
  const root = join(__dirname, '..', 'test', 'fixtures');
  const originals: [string, string][] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) originals.push([relative(root, path).split('\\').join('/'), readFileSync(path, 'utf8')]);
    }
  };
  walk(root);
  const files: Record<string, string> = {};
  for (let copy = 0; Object.keys(files).length < fileCount; copy++) {
    for (const [path, text] of originals) {
      if (Object.keys(files).length >= fileCount) break;
      files[`file:///bench/copy-${copy}/${path}`] = text;
    }
  }
  return files;
}

/** One cold pass of govmd's link rules over the given documents of the workspace. */
export async function timeGovmd(files: Record<string, string>, documents: readonly string[]) {
  const workspace = new InMemoryWorkspace(files, ['file:///bench']);
  const project = new Project(workspace, parseSettings({}).settings);
  const start = performance.now();
  let findings = 0;
  let parseMs = 0;
  // What Project.checkLinks does, with the reading of each document timed apart.
  for (const uri of documents) {
    const parseStart = performance.now();
    const doc = (await project.linkDocument(uri))!;
    parseMs += performance.now() - parseStart;
    const links = await project.links.gather(uri, doc.parsed);
    findings += checkDocument(doc, { knownOwners: new Set(), links }, project.settings, LINK_RULES).length;
  }
  return { ms: performance.now() - start, parseMs, findings, targets: { ...project.links.stats } };
}

/** The same pass with vscode-markdown-languageservice: its link diagnostics for the given documents. */
export async function timePeer(files: Record<string, string>, checked: readonly string[]): Promise<{ ms: number; findings: number }> {
  const documents = new Map<string, TextDocument>();
  for (const [uri, text] of Object.entries(files)) if (uri.endsWith('.md')) documents.set(uri, TextDocument.create(uri, 'markdown', 1, text));
  const folders = new Set<string>();
  for (const uri of Object.keys(files)) for (let folder = Utils.dirname(URI.parse(uri)); folder.path.length > 1; folder = Utils.dirname(folder)) folders.add(folder.toString());
  const never = new Emitter<never>().event;
  const workspace: mls.IWorkspace = {
    workspaceFolders: [URI.parse('file:///bench')],
    onDidChangeMarkdownDocument: never,
    onDidCreateMarkdownDocument: never,
    onDidDeleteMarkdownDocument: never,
    getAllMarkdownDocuments: async () => documents.values(),
    hasMarkdownDocument: (resource) => documents.has(resource.toString()),
    openMarkdownDocument: async (resource) => documents.get(resource.toString()),
    stat: async (resource) => {
      const key = resource.toString();
      if (key in files) return { isDirectory: false };
      return folders.has(key) ? { isDirectory: true } : undefined;
    },
    readDirectory: async (resource) => {
      const prefix = `${resource.toString()}/`;
      const entries = new Map<string, mls.FileStat>();
      for (const key of [...Object.keys(files), ...folders]) {
        if (!key.startsWith(prefix)) continue;
        const [first, ...rest] = key.slice(prefix.length).split('/');
        entries.set(first, { isDirectory: rest.length > 0 || folders.has(key) });
      }
      return entries;
    },
  };
  const md = new MarkdownIt({ html: true });
  const parser: mls.IMdParser = { slugifier: mls.githubSlugifier, tokenize: async (document) => md.parse(document.getText(), {}) };
  const logger: mls.ILogger = { level: mls.LogLevel.Off, log: () => {} };
  const service = mls.createLanguageService({ workspace, parser, logger });
  const options: mls.DiagnosticOptions = {
    validateReferences: mls.DiagnosticLevel.warning,
    validateFragmentLinks: mls.DiagnosticLevel.warning,
    validateFileLinks: mls.DiagnosticLevel.warning,
    validateMarkdownFileLinkFragments: mls.DiagnosticLevel.warning,
    validateUnusedLinkDefinitions: mls.DiagnosticLevel.ignore,
    validateDuplicateLinkDefinitions: mls.DiagnosticLevel.warning,
    ignoreLinks: [],
  };
  const token = { isCancellationRequested: false, onCancellationRequested: never } as unknown as Parameters<typeof service.computeDiagnostics>[2];
  const start = performance.now();
  let findings = 0;
  for (const uri of checked) findings += (await service.computeDiagnostics(documents.get(uri)!, options, token)).length;
  const ms = performance.now() - start;
  service.dispose();
  return { ms, findings };
}

export async function benchLinks(fileCount = 2000, folders = 20): Promise<LinkBenchResult> {
  const files = generateWorkspace(fileCount, folders);
  const markdown = Object.entries(files).filter(([uri]) => uri.endsWith('.md'));
  const all = markdown.map(([uri]) => uri);
  const open = all.slice(0, folders);
  const result: LinkBenchResult = {
    files: markdown.length,
    bytes: markdown.reduce((sum, [, text]) => sum + text.length, 0),
    workspace: await pass(files, all),
    open: await pass(files, open),
  };
  const real = fixtureWorkspace(fileCount);
  const realDocuments = Object.keys(real);
  result.fixtures = { ...(await pass(real, realDocuments)), bytes: Object.values(real).reduce((sum, text) => sum + text.length, 0) };
  try {
    for (const [timing, documents] of [[result.open, open], [result.workspace, all]] as const) {
      const peer = await timePeer(files, documents);
      Object.assign(timing, { peerMs: peer.ms, peerFindings: peer.findings, ratio: peer.ms / timing.govmdMs });
    }
    const peer = await timePeer(real, realDocuments);
    Object.assign(result.fixtures, { peerMs: peer.ms, peerFindings: peer.findings, ratio: peer.ms / result.fixtures.govmdMs });
  } catch (error) {
    result.peerError = (error as Error).message;
  }
  return result;
}

async function pass(files: Record<string, string>, documents: readonly string[]): Promise<LinkPassTiming> {
  // The two validators disagree on what to report in real text (govmd has more link rules, MLS
  // reports links to files outside the workspace); the finding counts are printed, not compared.
  const govmd = await timeGovmd(files, documents);
  return { documents: documents.length, govmdMs: govmd.ms, govmdParseMs: govmd.parseMs, govmdFindings: govmd.findings, govmdTargets: govmd.targets };
}

export function formatLinkBench(result: LinkBenchResult): string {
  const lines = [`Link validation in a generated workspace of ${result.files} files (${(result.bytes / 1024 / 1024).toFixed(1)} MB), cold:`];
  const describe = (title: string, timing: LinkPassTiming) => {
    const t = timing.govmdTargets;
    lines.push(`  ${title} (${timing.documents} documents)`);
    lines.push(`    govmd link rules:                 ${timing.govmdMs.toFixed(0)} ms, ${timing.govmdFindings} findings`);
    lines.push(`      of which reading the ${timing.documents} documents for their links: ${timing.govmdParseMs.toFixed(0)} ms; resolving and checking the links: ${(timing.govmdMs - timing.govmdParseMs).toFixed(0)} ms`);
    lines.push(`      target anchors: ${t.targetScans} read by the line scan, ${t.targetParses} parsed, ${t.targetsKnown} from documents already parsed`);
    if (timing.peerMs !== undefined) {
      lines.push(`    vscode-markdown-languageservice:  ${timing.peerMs.toFixed(0)} ms, ${timing.peerFindings} findings`);
      lines.push(`    ratio: ${timing.ratio!.toFixed(2)}x (above 1: govmd is faster)`);
    }
  };
  describe('documents open in the editor, one per folder', result.open);
  describe('every file of the workspace', result.workspace);
  if (result.fixtures) {
    lines.push(`Real governance text: the fixture files copied to ${result.fixtures.documents} files (${(result.fixtures.bytes / 1024 / 1024).toFixed(1)} MB), cold:`);
    describe('every file', result.fixtures);
  }
  if (result.peerError) lines.push(`  vscode-markdown-languageservice: not measured (${result.peerError})`);
  return lines.join('\n');
}

if (require.main === module) {
  benchLinks(Number(process.argv[2] ?? 2000)).then((result) => console.log(formatLinkBench(result)));
}
