import { existsSync } from 'node:fs';
import * as nodePath from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Settings } from '../engine/settings';
import type { ParsedDocuments, PlainParse } from './parsedDocuments';

/** A file to read ahead: `path` is below the workspace root, as the project names it. */
export interface FileToParse {
  uri: string;
  path: string;
  text: string;
}

export interface ParseBatch {
  files: FileToParse[];
}

export interface ParsedBatch {
  parsed: { uri: string; scanned: boolean; parse: PlainParse }[];
}

/** The worker's bundle, beside the CLI's (server/out/). */
export const WORKER_FILE = nodePath.join(__dirname, 'parseWorker.js');

/**
 * Text each thread must have to parse for a worker's start-up (loading the parser, ~0.1–0.2 s)
 * to pay: below it, fewer threads, and below twice it none but this one. Tests lower it
 * (GOVMD_BYTES_PER_WORKER) to run small fixtures through the workers.
 */
const BYTES_PER_WORKER = Number(process.env.GOVMD_BYTES_PER_WORKER) || 512 * 1024;

/** About this much text is taken at a time, so that a thread that finishes early takes more. */
const BATCH_BYTES = 64 * 1024;

/**
 * How many worker threads a run of `jobs` jobs over `bytes` of text starts besides this thread,
 * which parses too (`parseInWorkers`' `parseHere`); 0 means parse in this thread alone.
 */
export function workersFor(jobs: number, bytes: number): number {
  const threads = Math.min(jobs, Math.floor(bytes / BYTES_PER_WORKER));
  return threads >= 2 && existsSync(WORKER_FILE) ? threads - 1 : 0;
}

/**
 * Reads the files as the project would (the scan, and the full parse where the structure is
 * used) in `workers` worker threads into `store`, the largest first so that no thread is left
 * with a long file at the end. `parseHere`, when given, makes this thread one of the readers: it
 * takes batches from the same queue while the workers start and run, its parses staying here
 * with no copy across threads. A worker that fails leaves its files unparsed here: the project
 * then parses them itself, so the findings are the same either way.
 */
export async function parseInWorkers(
  files: readonly FileToParse[],
  settings: Settings,
  workers: number,
  store: ParsedDocuments,
  workerFile = WORKER_FILE,
  parseHere?: (file: FileToParse) => void,
): Promise<void> {
  const queue = [...files].sort((a, b) => b.text.length - a.text.length);
  const texts = new Map(files.map((file) => [file.uri, file.text]));
  const nextBatch = (): ParseBatch | undefined => {
    const batch: ParseBatch = { files: [] };
    let bytes = 0;
    while (queue.length > 0 && bytes < BATCH_BYTES) {
      const file = queue.shift()!;
      batch.files.push(file);
      bytes += file.text.length;
    }
    return batch.files.length > 0 ? batch : undefined;
  };
  const runWorker = () =>
    new Promise<void>((resolve) => {
      const worker = new Worker(workerFile, { workerData: { settings } });
      const finish = () => {
        void worker.terminate();
        resolve();
      };
      const sendNext = () => {
        const batch = nextBatch();
        if (batch) worker.postMessage(batch);
        else finish();
      };
      worker.on('message', (answer: ParsedBatch) => {
        for (const { uri, scanned, parse } of answer.parsed) store.addPlain(uri, texts.get(uri)!, scanned, parse);
        sendNext();
      });
      worker.on('error', finish);
      worker.on('exit', resolve);
      sendNext();
    });
  const runHere = async () => {
    if (!parseHere) return;
    for (let batch = nextBatch(); batch; batch = nextBatch()) {
      for (const file of batch.files) parseHere(file);
      // Between batches, the workers' answers are taken and more work sent to them.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all([...Array.from({ length: workers }, runWorker), runHere()]);
}
