// `npm run bench`: each figure is a ratio against a peer measured in the same process, because
// timings on shared machines drift; the absolute milliseconds are printed for context only.
import { benchKeystroke } from './incremental';

function main(): void {
  const keystroke = benchKeystroke(300);
  console.log('Keystroke in the middle of the seed DD (41 KB), 300 one-character edits, medians:');
  console.log(`  fresh findings after the edit (chunk cache):  ${keystroke.keystrokeMs.toFixed(2)} ms`);
  console.log(`  full remark parse of the file (the peer):      ${keystroke.fullParseMs.toFixed(2)} ms`);
  console.log(`  full pipeline without the cache:               ${keystroke.fullPipelineMs.toFixed(2)} ms`);
  console.log(`  ratio: ${keystroke.ratio.toFixed(1)}x faster than a full re-parse (target >= 9x)`);
}

main();
