// A server started on a real workspace with one DD open, as an editor restoring its tabs: how long
// until the DD's diagnostics are shown, and until the background check of the workspace ends.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileUri, LspDriver, type ServerSpec } from './lspDriver';
import { govmdServer } from './govmdServer';
import { vscodeMarkdownServer } from './peers/vscodeMarkdownServer';
import { median, medianPairedRatio } from './stats';
import { duration, markdownTable, megabytes, ratio } from './table';

export interface StartupOptions {
  root: string;
  /** The DD to open, relative to the root. */
  dd: string;
  rounds: number;
}

interface StartupRound {
  firstDiagnosticsMs: number;
  /** How many diagnostics the DD got first: a peer that answers nothing would be fast for nothing. */
  ddDiagnostics: number;
  /** Until every work-done progress the server began has ended; undefined when it reports none. */
  backgroundMs?: number;
  publishedFiles: number;
  rssMb?: number;
}

const BACKGROUND_TIMEOUT_MS = 600_000;

async function startupRound(spec: ServerSpec, options: StartupOptions, pull: boolean): Promise<StartupRound> {
  const ddPath = join(options.root, options.dd);
  const ddUri = fileUri(ddPath);
  const text = readFileSync(ddPath, 'utf8');
  const driver = new LspDriver(spec);
  const publishedFiles = new Set<string>();
  driver.onPublish((published) => publishedFiles.add(published.uri));
  try {
    const started = performance.now();
    const firstPublish = pull ? undefined : driver.nextPublish((published) => published.uri === ddUri, BACKGROUND_TIMEOUT_MS);
    firstPublish?.catch(() => undefined);
    const settled = pull ? undefined : driver.progressSettled(BACKGROUND_TIMEOUT_MS);
    await driver.initialize(options.root);
    await driver.open(ddUri, text);
    const first = pull ? { diagnostics: await driver.pull(ddUri), at: performance.now() } : await firstPublish!;
    const backgroundEnd = await settled;
    return {
      firstDiagnosticsMs: first.at - started,
      ddDiagnostics: first.diagnostics.length,
      backgroundMs: backgroundEnd === undefined ? undefined : backgroundEnd - started,
      publishedFiles: publishedFiles.size,
      rssMb: driver.rssMb(),
    };
  } finally {
    await driver.stop();
  }
}

export async function benchServerStartup(options: StartupOptions): Promise<string> {
  const govmd: StartupRound[] = [];
  const peer: StartupRound[] = [];
  let peerError: string | undefined;
  for (let round = 0; round < options.rounds; round++) {
    console.error(`bench server: round ${round + 1} of ${options.rounds}`);
    govmd.push(await startupRound(govmdServer(), options, false));
    if (peerError) continue;
    try {
      peer.push(await startupRound(vscodeMarkdownServer(options.root), options, true));
    } catch (error) {
      peerError = (error as Error).message.split('\n')[0];
    }
  }
  const firstGovmd = govmd.map((r) => r.firstDiagnosticsMs);
  const firstPeer = peer.map((r) => r.firstDiagnosticsMs);
  const background = govmd.map((r) => r.backgroundMs).filter((ms): ms is number => ms !== undefined);
  const rows = [
    [
      'govmd server (publishes)',
      `${duration(median(firstGovmd))} (${govmd[0].ddDiagnostics} diagnostics)`,
      background.length === govmd.length ? duration(median(background)) : `no progress end seen in ${BACKGROUND_TIMEOUT_MS / 1000} s`,
      String(median(govmd.map((r) => r.publishedFiles))),
      megabytes(median(govmd.map((r) => r.rssMb ?? Number.NaN))),
      peer.length ? ratio(medianPairedRatio(firstGovmd, firstPeer)) : 'n/a',
    ],
    peerError
      ? ['vscode-markdown-languageserver', `failed: ${peerError}`, '', '', '', '']
      : [
          'vscode-markdown-languageserver (pulled)',
          `${duration(median(firstPeer))} (${peer[0]?.ddDiagnostics} diagnostics)`,
          'n/a: it checks open documents only',
          '0 (pull model)',
          megabytes(median(peer.map((r) => r.rssMb ?? Number.NaN))),
          '1',
        ],
  ];
  return [
    `Server over stdio on ${options.root} (${options.rounds} interleaved round(s), medians): initialize → diagnostics of the opened DD ${options.dd}, and → the end of the background check (work-done progress end); RSS when both are done.`,
    markdownTable(['server', 'DD diagnostics', 'background check done', 'files published', 'RSS after', 'DD time ×peer'], rows),
  ].join('\n');
}
