import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentParser } from '../server/src/engine/parse/document';
import { parseMarkdown } from '../server/src/engine/parse/markdown';
import { GovDocument } from '../server/src/engine/govDocument';
import { checkDocument } from '../server/src/engine/check';
import { defaultSettings } from '../server/src/engine/settings';
import { median, time } from './measure';

const SEED = join(__dirname, '..', 'test', 'fixtures', 'seeds', 'dragonfly-graduation-dd.md');

/**
 * A keystroke in the middle of the seed DD: time from the edited text to fresh findings through
 * the chunk cache, against a full remark parse of the same text (the peer, in the same process).
 */
export function benchKeystroke(edits = 300): { keystrokeMs: number; fullParseMs: number; fullPipelineMs: number; ratio: number } {
  const text = readFileSync(SEED, 'utf8');
  const settings = defaultSettings();
  const facts = { knownOwners: new Set<string>() };
  const middle = text.indexOf('\n', text.length >> 1) + 1;
  const edited = (i: number) => (i % 2 === 0 ? `${text.slice(0, middle)}x${text.slice(middle)}` : text);

  const findings = (parser: DocumentParser, source: string) =>
    checkDocument(new GovDocument('file:///ws/dd.md', 'dd.md', parser.parse(source), settings), facts, settings);

  const warm = new DocumentParser();
  for (let i = 0; i < 30; i++) {
    findings(warm, edited(i));
    parseMarkdown(edited(i));
  }

  const incremental = new DocumentParser();
  findings(incremental, text);
  const keystroke: number[] = [];
  const fullParse: number[] = [];
  const fullPipeline: number[] = [];
  for (let i = 1; i <= edits; i++) {
    const source = edited(i);
    keystroke.push(time(() => findings(incremental, source)));
    fullParse.push(time(() => parseMarkdown(source)));
    if (i % 10 === 0) fullPipeline.push(time(() => findings(new DocumentParser(), source)));
  }
  const keystrokeMs = median(keystroke);
  const fullParseMs = median(fullParse);
  return { keystrokeMs, fullParseMs, fullPipelineMs: median(fullPipeline), ratio: fullParseMs / keystrokeMs };
}
