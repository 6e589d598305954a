// A worker thread of `govmd check --jobs`: reads the texts it is sent as the project would
// (engine/project.ts, readDocument: the scan, and the full parse where the structure is used)
// and sends each reading back as plain data. It reads no file and decides nothing else.
import { parentPort, workerData } from 'node:worker_threads';
import { DocumentParser } from '../engine/parse/document';
import { LINK_SCANNER } from '../engine/links/linkScan';
import { readDocument } from '../engine/project';
import type { Settings } from '../engine/settings';
import { UserPattern } from '../engine/text/userPattern';
import { toPlainParse } from './parsedDocuments';
import type { ParseBatch, ParsedBatch } from './parallelParse';

const { settings } = workerData as { settings: Settings };
// Each file is read once, as in the CLI's own thread: no chunk's scan is kept for a file to come.
const parser = new DocumentParser(settings.placeholders.map((source) => new UserPattern(source)), 0);

parentPort!.on('message', (batch: ParseBatch) => {
  const answer: ParsedBatch = { parsed: [] };
  for (const { uri, path, text } of batch.files) {
    readDocument(uri, path, text, settings, false, (source, scanned) => {
      const parsed = parser.parse(source, scanned ? LINK_SCANNER : undefined);
      answer.parsed.push({ uri, scanned, parse: toPlainParse(parsed) });
      return parsed;
    });
  }
  parentPort!.postMessage(answer);
});
