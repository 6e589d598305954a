import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentParser, type ParsedDocument } from '../../server/src/engine/parse/document';
import { LINK_SCANNER } from '../../server/src/engine/links/linkScan';
import { readDocument } from '../../server/src/engine/project';
import { defaultSettings } from '../../server/src/engine/settings';
import { UserPattern } from '../../server/src/engine/text/userPattern';
import { ParsedDocuments } from '../../server/src/host/parsedDocuments';
import { parseInWorkers } from '../../server/src/host/parallelParse';
import { REPO } from '../helpers/cli';

const WORKER = join(REPO, 'server', 'out', 'parseWorker.js');

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.md$/i.test(name))
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}

// Every fixture, and every twentieth file of the real corpus: headings, tables, HTML, front matter,
// reference links, files in CRLF.
const FILES = [...markdownFiles(join(REPO, 'test', 'fixtures')), ...markdownFiles(join(REPO, 'test', 'corpus')).filter((_, index) => index % 20 === 0)];
const PLACEHOLDERS = ['\\{email address here\\}', 'FIXME-[A-Z]+'];

function assertSameParse(fromWorker: ParsedDocument | undefined, here: ParsedDocument, what: string) {
  assert.ok(fromWorker, `${what} was read in a worker`);
  const { chunksParsed: _a, lines: workerLines, ...workerFacts } = fromWorker;
  const { chunksParsed: _b, lines, ...facts } = here;
  // How many chunks a parser took from its own cache is its history, not the document's.
  assert.deepStrictEqual(workerFacts, facts, what);
  assert.deepStrictEqual(workerLines.positionAt(here.text.length), lines.positionAt(here.text.length), what);
}

test('--jobs: a document read in a worker thread is read as this thread reads it, field for field', async () => {
  const settings = { ...defaultSettings(), placeholders: PLACEHOLDERS };
  const files = FILES.map((path) => ({ uri: pathToFileURL(path).href, path: path.slice(REPO.length + 1), text: readFileSync(path, 'utf8') }));
  assert.ok(files.length > 50, `${files.length} files`);
  const store = new ParsedDocuments();
  await parseInWorkers(files, settings, 2, store, WORKER);
  const parser = new DocumentParser(PLACEHOLDERS.map((source) => new UserPattern(source)));
  let full = 0;
  for (const { uri, path, text } of files) {
    readDocument(uri, path, text, settings, false, (source, scanned) => {
      const here = parser.parse(source, scanned ? LINK_SCANNER : undefined);
      assertSameParse(store.get(uri, source, scanned), here, `${path} (${scanned ? 'scanned' : 'full parse'})`);
      if (!scanned) full++;
      return here;
    });
  }
  assert.ok(full > 5 && full < files.length, `${full} of ${files.length} parsed in full: both readings were compared`);
});

test('--jobs: a worker that cannot start leaves the files to this thread, nothing half-parsed', async () => {
  const store = new ParsedDocuments();
  await parseInWorkers([{ uri: 'file:///ws/a.md', path: 'a.md', text: '# A\n' }], defaultSettings(), 2, store, join(REPO, 'no-such-worker.js'));
  assert.equal(store.get('file:///ws/a.md', '# A\n', true), undefined);
});

test('--jobs: this thread takes files from the same queue as the workers; every file is read, the same either way', async () => {
  const settings = { ...defaultSettings(), placeholders: PLACEHOLDERS };
  const files = FILES.map((path) => ({ uri: pathToFileURL(path).href, path: path.slice(REPO.length + 1), text: readFileSync(path, 'utf8') }));
  const store = new ParsedDocuments();
  const parser = new DocumentParser(PLACEHOLDERS.map((source) => new UserPattern(source)));
  const readHere: string[] = [];
  await parseInWorkers(files, settings, 1, store, WORKER, ({ uri, path, text }) => {
    readHere.push(uri);
    readDocument(uri, path, text, settings, false, (source, scanned) => {
      const parsed = parser.parse(source, scanned ? LINK_SCANNER : undefined);
      store.set(uri, source, scanned, parsed);
      return parsed;
    });
  });
  assert.ok(readHere.length > 0, 'this thread took some of the files');
  assert.equal(new Set(readHere).size, readHere.length, 'none twice here');
  const fresh = new DocumentParser(PLACEHOLDERS.map((source) => new UserPattern(source)));
  for (const { uri, path, text } of files) {
    readDocument(uri, path, text, settings, false, (source, scanned) => {
      const here = fresh.parse(source, scanned ? LINK_SCANNER : undefined);
      assertSameParse(store.get(uri, source, scanned), here, `${path} (${scanned ? 'scanned' : 'full parse'})`);
      return here;
    });
  }
});
