import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { splitIntoChunks } from './server/src/engine/parse/chunks';
import { scanLinkChunk, normalizeLabel } from './server/src/engine/links/linkScan';
import { standingOf } from './server/src/engine/duplicates/standing';
const files: string[] = [];
const walk = (d: string) => { for (const n of readdirSync(d)) { const p = join(d, n); if (statSync(p).isDirectory()) walk(p); else if (n.endsWith('.md')) files.push(p); } };
walk(process.argv[2]);
let all = 0, ok = 0; const reasons = new Map<string, number>();
let livingBytes = 0, total = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8'); total += text.length;
  if (standingOf(f.replace(process.argv[2] + '/', '')) === 'living') livingBytes += text.length;
  const labels = new Set<string>();
  for (const m of text.matchAll(/^[ \t>]{0,8}\[((?:[^\]\\\r\n]|\\.){1,999})\]:[ \t]*\S/gm)) labels.add(normalizeLabel(m[1]));
  for (const c of splitIntoChunks(text)) {
    const t = text.slice(c.start, c.end); all += t.length;
    const t0 = performance.now();
    if (scanLinkChunk(t, labels)) ok += t.length;
    else { const k = /```|~~~/.test(t) ? 'fence' : /\|/.test(t) ? 'table' : /</.test(t) ? 'html' : /\\|&\w+;/.test(t) ? 'escape' : /https?:|www\./.test(t) ? 'url' : /^ *>/m.test(t) ? 'quote' : 'other'; reasons.set(k, (reasons.get(k) ?? 0) + t.length); }
  }
}
console.log(files.length, 'files', total, 'chars; accepted', (ok / all * 100).toFixed(1) + '%', 'living', (livingBytes / total * 100).toFixed(1) + '%');
console.log([...reasons].map(([k, v]) => `${k} ${(v / all * 100).toFixed(1)}%`).join(', '));
