import { readFileSync } from 'node:fs';
import { DocumentParser } from './server/src/engine/parse/document';
import { LINK_SCANNER } from './server/src/engine/links/linkScan';
const text = readFileSync(process.argv[2], 'utf8');
const full = new DocumentParser().parse(text);
const scan = new DocumentParser().parse(text, LINK_SCANNER);
const trunc = (v: unknown) => JSON.stringify(v, (_k, x) => typeof x === 'string' && x.length > 80 ? x.slice(0, 80) + '…' : x);
for (const fact of ['links', 'definitions', 'headings', 'htmlComments', 'htmlAnchors', 'inlineCode', 'unrenderedLinks', 'unresolvedReferences', 'nonProse', 'todos', 'placeholders', 'mentions', 'malformedCheckboxes', 'skipped'] as const) {
  const a = (full as any)[fact], b = (scan as any)[fact];
  if (JSON.stringify(a) !== JSON.stringify(b)) {
    console.log('DIFF', fact, a.length, b.length);
    for (let i = 0; i < Math.max(a.length, b.length); i++) if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) { console.log(' full', trunc(a[i])); console.log(' scan', trunc(b[i])); break; }
  }
}
