// Dashboard load benchmark: Debian's chromium (headless, through playwright-core) against a running platform.
// Prints first contentful paint, largest contentful paint and the JS/CSS transferred, cold (empty cache) and warm
// (the same browser again: hashed assets come from its cache). Locally the gateway does not compress, so the
// bytes are uncompressed; CloudFront compresses in AWS. Signs in through the local sign-in form's endpoint.
//   node scripts/bench.mjs [http://127.0.0.1:3000] [runs]
import { chromium } from 'playwright-core';

const base = process.argv[2] || process.env.NIJA_DASHBOARD_URL || 'http://127.0.0.1:3000';
const runs = Number(process.argv[3] || 5);

const res = await fetch(`${base}/local/sign-in`, {
  method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ traderId: 'demo-trader' }),
});
if (!res.ok) throw new Error(`sign-in failed: ${res.status} (is the platform up with --demo?)`);
const { token } = await res.json();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
});

async function measure(page) {
  await page.goto('about:blank'); // a real navigation each time, not a fragment change on the same document
  await page.goto(`${base}/#token=${token}`, { waitUntil: 'load' });
  await page.getByTestId('equity').waitFor();
  return page.evaluate(() => new Promise(resolve => {
    let lcp = 0;
    new PerformanceObserver(list => { for (const e of list.getEntries()) lcp = e.startTime; })
      .observe({ type: 'largest-contentful-paint', buffered: true });
    setTimeout(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      const res = performance.getEntriesByType('resource');
      const sum = ext => res.filter(r => r.name.includes('/assets/') && r.name.endsWith(ext))
        .reduce((n, r) => n + r.transferSize, 0);
      resolve({ fcp, lcp, js: sum('.js'), css: sum('.css') });
    }, 300);
  }));
}

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = { cold: [], warm: [] };
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  rows.cold.push(await measure(page));
  rows.warm.push(await measure(page));
  await context.close();
}
await browser.close();
console.log(`dashboard load, ${runs} runs, medians (chromium headless, ${base}):`);
for (const [kind, r] of Object.entries(rows)) {
  console.log(`  ${kind}: FCP ${median(r.map(x => x.fcp)).toFixed(0)} ms, LCP ${median(r.map(x => x.lcp)).toFixed(0)} ms, `
    + `JS transferred ${(median(r.map(x => x.js)) / 1024).toFixed(1)} KB, CSS ${(median(r.map(x => x.css)) / 1024).toFixed(1)} KB`);
}
