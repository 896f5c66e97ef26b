// Prints the JavaScript a first visit downloads (index.html's scripts and their static imports), gzipped, and fails
// the build above the budget of 100 KB. Lazy chunks (the chart) and the API reference page's files (Redoc) are
// listed apart.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET = 100 * 1024;
const out = new URL('../target/classes/dashboard/', import.meta.url).pathname;
const html = readFileSync(join(out, 'index.html'), 'utf8');
const entry = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map(m => m[1]);
const all = readdirSync(join(out, 'assets')).filter(f => f.endsWith('.js')).map(f => 'assets/' + f);
const gz = f => gzipSync(readFileSync(join(out, f)), { level: 9 }).length;
const first = entry.reduce((n, f) => n + gz(f), 0);
const lazy = all.filter(f => !entry.includes(f));
console.log(`dashboard first-load JS: ${(first / 1024).toFixed(1)} KB gzipped (${entry.join(', ')}); budget 100 KB`);
for (const f of lazy) console.log(`  lazy or another page: ${f}: ${(gz(f) / 1024).toFixed(1)} KB gzipped`);
if (first > BUDGET) {
  console.error(`first-load JS ${first} bytes gzipped is over the ${BUDGET} byte budget`);
  process.exit(1);
}
