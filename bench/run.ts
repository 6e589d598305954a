// `npm run bench`: each figure is a ratio against a peer measured in the same process, because
// timings on shared machines drift; the absolute milliseconds are printed for context only.
import { benchKeystroke } from './incremental';
import { benchDuplicates } from './duplicates';
import { benchLinks, formatLinkBench } from './links';

async function main(): Promise<void> {
  const keystroke = benchKeystroke(300);
  console.log('Keystroke in the middle of the seed DD (41 KB), 300 one-character edits, medians:');
  console.log(`  fresh findings after the edit (chunk cache):  ${keystroke.keystrokeMs.toFixed(2)} ms`);
  console.log(`  full remark parse of the file (the peer):      ${keystroke.fullParseMs.toFixed(2)} ms`);
  console.log(`  full pipeline without the cache:               ${keystroke.fullPipelineMs.toFixed(2)} ms`);
  console.log(`  ratio: ${keystroke.ratio.toFixed(1)}x faster than a full re-parse (target >= 9x)`);

  console.log('');
  console.log(formatLinkBench(await benchLinks(2000)));

  const duplicates = benchDuplicates(2000);
  console.log('');
  console.log(`Whole-workspace passes over ${duplicates.files} generated governance files (${(duplicates.bytes / 1e6).toFixed(1)} MB):`);
  console.log(`  parse (remark, chunked):             ${duplicates.parseMs.toFixed(0)} ms  (the peer)`);
  console.log(`  duplicate pass, cold (extract+find): ${(duplicates.extractMs + duplicates.findMs).toFixed(0)} ms  = ${((duplicates.extractMs + duplicates.findMs) / duplicates.parseMs * 100).toFixed(1)}% of parsing; ${duplicates.definitions} definitions, ${duplicates.groups} groups`);
  console.log(`  duplicate pass after one file changed: ${duplicates.refindMs.toFixed(0)} ms`);
}

void main();
