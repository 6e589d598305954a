// Typing in an open document of a large workspace, one character a keystroke at a steady pace,
// with the server's debounce at 0: how long each version takes to get its diagnostics, how many
// versions get any, and how the server's memory grows as the edits pile up.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CancellationTokenSource, type Position } from 'vscode-languageserver-protocol';
import { fileUri, LspDriver, delay, type ServerSpec } from './lspDriver';
import { govmdServer } from './govmdServer';
import { vscodeMarkdownServer } from './peers/vscodeMarkdownServer';
import { writeGeneratedWorkspace } from './generatedWorkspace';
import { median, percentile } from './stats';
import { duration, markdownTable, megabytes } from './table';

const FIXTURES = join(__dirname, '..', 'test', 'fixtures');
const SEED_DD = join(FIXTURES, 'seeds', 'dragonfly-graduation-dd.md');
/** Where the typed text comes from: the prose paragraphs of a real project's CONTRIBUTING.md. */
const TYPED_SOURCE = join(FIXTURES, 'dragonflyoss-community', 'CONTRIBUTING.md');
/** After this many edits the memory is read the first time; the second time after the last edit. */
const EARLY_EDITS = 100;
const SETTLE_TIMEOUT_MS = 120_000;

export interface KeystrokeOptions {
  /** An empty folder to write the workspace into. */
  folder: string;
  workspaceFiles: number;
  edits: number;
  /** Milliseconds between two keystrokes. */
  paceMs: number;
}

interface TypedFile {
  label: string;
  path: string;
}

interface TypingResult {
  latencies: number[];
  /** Diagnostics of the last version: a peer that answers nothing would be fast for nothing. */
  lastDiagnostics: number;
  sent: number;
  published: number;
  /** Diagnostics sent for other files while typing: the documents the edits were found to affect. */
  othersPublished: number;
  rssEarlyMb?: number;
  rssLastMb?: number;
}

/** Real text, different at every keystroke: the prose of a real governance file, paragraph after paragraph. */
export function typedText(length: number): string {
  const paragraphs = readFileSync(TYPED_SOURCE, 'utf8')
    .split(/\r?\n\s*\r?\n/)
    .filter((block) => /^[A-Za-z]/.test(block))
    .map((block) => block.replace(/\s*\r?\n\s*/g, ' '));
  let text = '';
  for (let index = 0; text.length < length; index++) text += `${paragraphs[index % paragraphs.length]}\n\n`;
  return text.slice(0, length);
}

/** The start of the first blank line at or after the middle of the text: new paragraphs go in between two blocks. */
function typingPoint(text: string): Position {
  const lines = text.split('\n');
  let line = lines.length >> 1;
  while (line < lines.length - 1 && lines[line].trim() !== '') line++;
  return { line, character: 0 };
}

async function typeInto(driver: LspDriver, file: TypedFile, options: KeystrokeOptions, pull: boolean): Promise<TypingResult> {
  const uri = fileUri(file.path);
  const original = readFileSync(file.path, 'utf8');
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  const answered = new Set<number>();
  let lastSent = 1;
  let lastDiagnostics = 0;
  let othersPublished = 0;
  const record = (version: number, at: number, diagnostics: number) => {
    const sent = sentAt.get(version);
    if (sent === undefined || answered.has(version)) return;
    answered.add(version);
    latencies.push(at - sent);
    if (version === lastSent) lastDiagnostics = diagnostics;
  };
  const stopListening = driver.onPublish((published) => {
    if (published.uri === uri) record(published.version ?? lastSent, published.at, published.diagnostics.length);
    else othersPublished++;
  });
  const puller = pull ? new OnePullInFlight(driver, uri, record) : undefined;
  // Waits until the diagnostics of the latest version (or a later one) are in.
  const settle = async () => {
    if (puller) await puller.idle();
    else if (!answered.has(lastSent)) await driver.nextPublish((published) => published.uri === uri && (published.version ?? lastSent) >= lastSent, SETTLE_TIMEOUT_MS);
  };

  await driver.open(uri, original);
  if (pull) await driver.pull(uri);
  else await driver.nextPublish((published) => published.uri === uri, SETTLE_TIMEOUT_MS);

  const text = typedText(options.edits);
  let cursor = typingPoint(original);
  let rssEarlyMb: number | undefined;
  let start = performance.now();
  for (let index = 0; index < text.length; index++) {
    const wait = start + index * options.paceMs - performance.now();
    if (wait > 0) await delay(wait);
    const sentAtMs = performance.now();
    const version = await driver.change(uri, { range: { start: cursor, end: cursor }, text: text[index] });
    sentAt.set(version, sentAtMs);
    lastSent = version;
    cursor = text[index] === '\n' ? { line: cursor.line + 1, character: 0 } : { line: cursor.line, character: cursor.character + 1 };
    puller?.changed(version);
    if (index + 1 === EARLY_EDITS && text.length > EARLY_EDITS) {
      await settle();
      rssEarlyMb = driver.rssMb();
      // The pause to read the memory is not typing time.
      start = performance.now() - (index + 1) * options.paceMs;
    }
  }
  await settle();
  const rssLastMb = driver.rssMb();
  stopListening();
  await driver.close(uri);
  return { latencies, lastDiagnostics, sent: text.length, published: answered.size, othersPublished, rssEarlyMb, rssLastMb };
}

/**
 * What VS Code's language client does for a server that wants its diagnostics pulled on change:
 * one pull per document in flight; a change meanwhile cancels it, and once it settles (its answer,
 * if the server still gave one, is shown) the latest version is pulled.
 */
class OnePullInFlight {
  private active?: CancellationTokenSource;
  private rescheduled = false;
  private latest = 0;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly driver: LspDriver,
    private readonly uri: string,
    private readonly answered: (version: number, at: number, diagnostics: number) => void,
  ) {}

  changed(version: number): void {
    this.latest = version;
    if (!this.active) return this.start();
    this.active.cancel();
    this.rescheduled = true;
  }

  /** Resolves once no pull is in flight and none is due. */
  idle(): Promise<void> {
    return this.active ? new Promise((resolve) => this.waiters.push(resolve)) : Promise.resolve();
  }

  private start(): void {
    const version = this.latest;
    const source = new CancellationTokenSource();
    this.active = source;
    this.driver.pull(this.uri, source.token).then(
      (diagnostics) => this.answered(version, performance.now(), diagnostics.length),
      () => undefined,
    ).finally(() => {
      source.dispose();
      this.active = undefined;
      if (this.rescheduled) {
        this.rescheduled = false;
        return this.start();
      }
      for (const resolve of this.waiters.splice(0)) resolve();
    });
  }
}

export async function benchKeystroke(options: KeystrokeOptions): Promise<string> {
  writeGeneratedWorkspace(options.folder, options.workspaceFiles);
  const ddPath = join(options.folder, 'projects', 'dragonfly', 'dragonfly-graduation-dd.md');
  mkdirSync(join(options.folder, 'projects', 'dragonfly'), { recursive: true });
  copyFileSync(SEED_DD, ddPath);
  const files: TypedFile[] = [
    { label: 'governance file (repo-0/COMMUNITY_MEMBERSHIP.md)', path: join(options.folder, 'repo-0', 'COMMUNITY_MEMBERSHIP.md') },
    { label: 'seed DD (dragonfly-graduation-dd.md)', path: ddPath },
  ];
  const servers: { spec: ServerSpec; pull: boolean; label: string }[] = [
    { spec: govmdServer(0), pull: false, label: 'govmd server (push, debounce 0)' },
    { spec: vscodeMarkdownServer(options.folder), pull: true, label: 'vscode-markdown-languageserver (pull)' },
  ];
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const server of servers) {
    const driver = new LspDriver(server.spec);
    try {
      const settled = server.pull ? undefined : driver.progressSettled(SETTLE_TIMEOUT_MS * 5);
      await driver.initialize(options.folder);
      // Typing starts once the server has checked the workspace, as after a while in an editor.
      if (settled && (await settled) === undefined) notes.push(`${server.spec.name}: no end of the background check seen; typing started anyway.`);
      for (const file of files) {
        console.error(`bench keystroke: ${server.spec.name}, ${options.edits} keystrokes into ${file.label}`);
        const result = await typeInto(driver, file, options, server.pull);
        rows.push([
          rows.length % files.length === 0 ? server.label : '',
          file.label,
          duration(median(result.latencies)),
          duration(percentile(result.latencies, 95)),
          `${result.published}/${result.sent}`,
          server.pull ? 'n/a (pull)' : String(result.othersPublished),
          String(result.lastDiagnostics),
          megabytes(result.rssEarlyMb),
          megabytes(result.rssLastMb),
          result.rssEarlyMb && result.rssLastMb ? `${(((result.rssLastMb - result.rssEarlyMb) / result.rssEarlyMb) * 100).toFixed(0)}%` : 'n/a',
        ]);
      }
    } catch (error) {
      rows.push([server.label, `failed: ${(error as Error).message.split('\n')[0]}`, '', '', '', '', '', '', '', '']);
    } finally {
      await driver.stop();
    }
  }
  return [
    `Keystroke latency in a ${options.workspaceFiles + 1}-file workspace (${options.workspaceFiles} generated + the seed DD): ${options.edits} characters of real prose typed one at a time, one keystroke every ${options.paceMs} ms, into a new paragraph in the middle of the file. Latency: didChange → the publishDiagnostics of that version (govmd), or → the answer to the pull made after that change (its Markdown server; pulled as VS Code's client does: one pull in flight, a change cancels it and the latest version is pulled next). RSS after ${EARLY_EDITS} and after ${options.edits} edits, each read once the latest version's diagnostics are in.`,
    markdownTable(['server', 'typed file', 'median', 'p95', 'versions with diagnostics', 'other files published', 'diagnostics at the end', `RSS @${EARLY_EDITS}`, `RSS @${options.edits}`, 'growth'], rows),
    ...notes,
  ].join('\n');
}
