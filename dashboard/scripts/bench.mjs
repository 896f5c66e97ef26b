// Dashboard benchmark: Debian's chromium (headless, through playwright-core) against a running platform.
// Prints first contentful paint, largest contentful paint and the JS/CSS transferred, cold (empty cache) and warm
// (the same browser again: hashed assets come from its cache). Locally the gateway does not compress, so the
// bytes are uncompressed; CloudFront compresses in AWS. Signs in through the local sign-in form's endpoint.
// With the demo source's secret it also sends signals and times the first live update: from the order's fill
// (its filledAt, the platform's clock — the same machine's) until the order's row is in the open page's DOM.
//   NIJA_DEMO_SIGNAL_SECRET=… java -jar local/target/nija-local.jar up --demo   # the same secret for both
//   NIJA_DEMO_SIGNAL_SECRET=… node scripts/bench.mjs [http://127.0.0.1:3000] [runs]
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

const LIVE_SYMBOL = 'XRP-USD'; // the demo's first-signal market: the demo trader's books allow a buy there
// The risk throttle lets a trader place at most 3 orders a minute, 5 s apart: three timed signals, spaced.
const LIVE_RUNS = 3;
const LIVE_SPACING_MS = 5_500;

async function sendSignal(secret, action, signalId) {
  const r = await fetch(`${base}/api/v1/signals`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ source: 'demo', secret, symbol: LIVE_SYMBOL, action, signalId }),
  });
  if (r.status !== 202 && r.status !== 200) throw new Error(`signal refused: ${r.status} ${await r.text()}`);
}

/** Sends a signal with the orders view open and times its order's row appearing, against the fill and the send. */
async function measureLive(page, secret, action, signalId) {
  const seen = page.evaluate(id => new Promise((resolve, reject) => {
    const find = () => document.querySelector(`tr[data-signal-id="${CSS.escape(id)}"]`);
    const done = row => resolve({
      at: performance.timeOrigin + performance.now(), filledAt: row.dataset.filledAt || null, status: row.dataset.status,
      pushedAt: window.__pushes.find(m => m.data.includes(id))?.at ?? NaN,
    });
    const timeout = setTimeout(() => reject(new Error(`no row for signal ${id} within 15 s`)), 15_000);
    new MutationObserver((_, observer) => {
      const row = find();
      if (row) { observer.disconnect(); clearTimeout(timeout); done(row); }
    }).observe(document.body, { childList: true, subtree: true, attributes: true });
  }), signalId);
  const sentAt = Date.now();
  await sendSignal(secret, action, signalId);
  const row = await seen;
  const filled = row.filledAt ? Date.parse(row.filledAt) : NaN;
  return { afterFill: row.at - filled, afterSend: row.at - sentAt, pushAfterFill: row.pushedAt - filled, domAfterPush: row.at - row.pushedAt, status: row.status };
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

const secret = process.env.NIJA_DEMO_SIGNAL_SECRET;
const live = [];
if (secret) {
  const context = await browser.newContext();
  // Notes when each pushed message reaches the page, to split the time into the platform's push and the page's work.
  await context.addInitScript(() => {
    window.__pushes = [];
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', e => window.__pushes.push({ at: performance.timeOrigin + performance.now(), data: String(e.data) }));
      }
    };
  });
  const page = await context.newPage();
  await page.goto(`${base}/orders#token=${token}`);
  await page.getByTestId('connection').filter({ hasText: 'Live' }).waitFor();
  await page.locator('main h1').waitFor();
  for (let i = 0; i < LIVE_RUNS; i++) {
    if (i) await new Promise(r => setTimeout(r, LIVE_SPACING_MS));
    live.push(await measureLive(page, secret, i % 2 ? 'close' : 'buy', `bench-${Date.now()}-${i}`));
  }
  await context.close();
}
await browser.close();
console.log(`dashboard load, ${runs} runs, medians (chromium headless, ${base}):`);
for (const [kind, r] of Object.entries(rows)) {
  console.log(`  ${kind}: FCP ${median(r.map(x => x.fcp)).toFixed(0)} ms, LCP ${median(r.map(x => x.lcp)).toFixed(0)} ms, `
    + `JS transferred ${(median(r.map(x => x.js)) / 1024).toFixed(1)} KB, CSS ${(median(r.map(x => x.css)) / 1024).toFixed(1)} KB`);
}
if (!secret) {
  console.log('  live: skipped (set NIJA_DEMO_SIGNAL_SECRET to the secret `up --demo` was started with)');
} else {
  const filled = live.filter(x => Number.isFinite(x.afterFill));
  console.log(`  live: first update after a signal, ${live.length} signals (${live.map(x => x.status).join(', ')}): `
    + (filled.length ? `median ${median(filled.map(x => x.afterFill)).toFixed(0)} ms after the fill, ` : 'no fills, ')
    + `${median(live.map(x => x.afterSend)).toFixed(0)} ms after the signal was sent`
    + ` (each after the fill: ${filled.map(x => x.afterFill.toFixed(0)).join(', ')} ms)`);
  console.log(`        of which the push reaching the page: median ${median(filled.map(x => x.pushAfterFill)).toFixed(0)} ms after the fill;`
    + ` the page showing it: median ${median(live.map(x => x.domAfterPush)).toFixed(0)} ms after the push`);
}
