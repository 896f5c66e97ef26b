import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { launch, newPage, env, BASE, signalAs } from './browser.mjs';
import { markToPrice } from '../../src/positions.js';
import { mul, roundHalfEven } from '../../src/decimal.js';
import { pnl } from '../../src/money.js';

// One trader, following a source of its own (no other test's signals reach it, and its throttle is its own).
const SYMBOL = 'SOL-USD';
let browser;
let platformSkewMs = 0; // the platform's clock minus this one's (the test platform runs on a pinned date)
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const token = () => env('NIJA_POSITIONS_TOKEN');

async function apiAs(path, init = {}) {
  const res = await fetch(`${BASE()}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token()}`, 'Content-Type': 'application/json', ...(init.headers || {}) },
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

/** A price from the test's feed, signed as feeds sign (HMAC-SHA256 of "t.body", t in the platform's seconds). */
async function pushPrice(symbol, price) {
  const body = JSON.stringify({ prices: [{ symbol, price }] });
  const t = String(Math.floor((Date.now() + platformSkewMs) / 1000));
  const v1 = createHmac('sha256', env('NIJA_PRICE_FEED_SECRET')).update(`${t}.${body}`).digest('hex');
  const res = await fetch(`${BASE()}/internal/prices`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Nija-Source': env('NIJA_PRICE_FEED_ID'), 'X-Nija-Signature': `t=${t},v1=${v1}` },
    body,
  });
  assert.equal(res.status, 200, `price push: ${await res.text()}`);
}

test('a signal\'s order and position appear live on the orders and positions views, and a pushed price re-marks the P&L', async () => {
  const { page: orders, problems } = await newPage(browser);
  const positions = await orders.context().newPage();
  await orders.goto(`${BASE()}/orders#token=${token()}`);
  await positions.goto(`${BASE()}/positions#token=${token()}`);
  for (const p of [orders, positions]) await p.getByTestId('connection').filter({ hasText: 'Live' }).waitFor();
  await positions.getByRole('heading', { name: 'Open' }).waitFor();
  let navigations = 0;
  for (const p of [orders, positions]) p.on('framenavigated', () => navigations++);

  const signalId = `browser-orders-${Date.now()}`;
  await signalAs(env('NIJA_POSITIONS_SOURCE_ID'), env('NIJA_POSITIONS_SOURCE_SECRET'), { symbol: SYMBOL, action: 'buy', signalId });

  const order = orders.locator(`tr[data-signal-id="${signalId}"]`);
  await order.waitFor({ timeout: 15_000 });
  assert.equal(await order.getAttribute('data-status'), 'FILLED');
  // The push carries the signal id; the source comes with the orders list's (spaced) refetch the push causes.
  const origin = order.locator('td.signal');
  await origin.filter({ hasText: env('NIJA_POSITIONS_SOURCE_ID') }).waitFor({ timeout: 5_000 });
  assert.ok((await origin.textContent()).includes(signalId), `the order names its signal: ${await origin.textContent()}`);
  const seenAt = Date.now();
  platformSkewMs = Date.parse(await order.locator('time').getAttribute('datetime')) - seenAt;

  const row = positions.getByTestId('positions').locator(`tbody tr[data-symbol="${SYMBOL}"]`);
  await row.waitFor({ timeout: 15_000 });

  // The market moves 1% up: the row shows the API's own figure for the new price, without a reload.
  const { body } = await apiAs('/api/v1/positions');
  const position = body.positions.find(p => p.symbol === SYMBOL);
  const moved = roundHalfEven(mul(position.currentPrice, '1.01'), 2);
  await pushPrice(SYMBOL, moved);
  const expected = pnl(markToPrice(position, moved).unrealizedPnl);
  await row.getByTestId('unrealized').filter({ hasText: expected }).waitFor({ timeout: 10_000 });
  const { body: after } = await apiAs('/api/v1/positions');
  assert.equal(pnl(after.positions.find(p => p.symbol === SYMBOL).unrealizedPnl), expected, 'the page agrees with the API');
  assert.equal(navigations, 0, 'no reload');
  assert.deepEqual(problems, []);
});

test('a position closes from the keyboard after a confirmation, and closing it again shows the API\'s 409 in the row', async () => {
  const { page, problems } = await newPage(browser);
  await page.goto(`${BASE()}/positions#token=${token()}`);
  const row = page.getByTestId('positions').locator(`tbody tr[data-symbol="${SYMBOL}"]`);
  await row.waitFor();
  const positionId = await row.getAttribute('data-position-id');

  // Tab to the row's button, as a keyboard user would; it keeps the focus through the confirmation.
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  for (let i = 0; i < 60 && (await focused()) !== `Close ${SYMBOL} position`; i++) await page.keyboard.press('Tab');
  assert.equal(await focused(), `Close ${SYMBOL} position`);
  await page.keyboard.press('Enter');
  assert.equal(await focused(), `Confirm close ${SYMBOL} position`, 'the first press only asks');
  await page.keyboard.press('Escape');
  assert.equal(await focused(), `Close ${SYMBOL} position`, 'Escape withdraws the question');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await row.getByTestId('close-message').filter({ hasText: /^\s*Clos(ed at \$[\d,]+\.\d\d|ing at market…)\.?$/ }).waitFor();
  await page.getByTestId('closed-positions').locator(`tr[data-position-id="${positionId}"]`).waitFor({ timeout: 10_000 });

  // The row stays, marked closed; a second close is the API's refusal, shown where the click was.
  await row.getByTestId('unrealized').filter({ hasText: 'closed' }).waitFor();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const refusal = await apiAs('/api/v1/trading/close-position', { method: 'POST', body: JSON.stringify({ positionId }) });
  assert.equal(refusal.status, 409);
  const alert = row.getByRole('alert');
  await alert.waitFor();
  assert.equal((await alert.textContent()).trim(), refusal.body.detail || refusal.body.title);
  assert.equal(await page.locator('main h1').textContent(), 'Positions', 'still the positions view, no error page');
  assert.deepEqual(problems, []);
});

test('the trades CSV holds every trade of the filtered symbol, money exactly as the API wrote it', async () => {
  const { page, problems } = await newPage(browser, { acceptDownloads: true });
  await page.goto(`${BASE()}/trades#token=${env('NIJA_DEMO_TOKEN')}`);
  await page.getByLabel('Symbol').fill('btc-usd');
  await page.getByRole('button', { name: 'Filter' }).click();
  // The filtered page replaces the unfiltered one: every row BTC-USD, and at least one.
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-testid="trades"] tbody tr')];
    return rows.length > 0 && rows.every(r => r.dataset.symbol === 'BTC-USD');
  });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  assert.equal(download.suggestedFilename(), 'nija-trades-BTC-USD.csv');
  const lines = (await readFile(await download.path(), 'utf8')).trimEnd().split('\r\n');
  const header = lines[0].split(',');
  const rows = lines.slice(1).map(l => Object.fromEntries(l.split(',').map((v, i) => [header[i], v])));

  const all = [];
  let cursor = null;
  do {
    const q = new URLSearchParams({ symbol: 'BTC-USD', limit: '100', ...(cursor ? { cursor } : {}) });
    const res = await fetch(`${BASE()}/api/v1/trades?${q}`, { headers: { Authorization: `Bearer ${env('NIJA_DEMO_TOKEN')}` } });
    const body = await res.json();
    all.push(...body.trades);
    cursor = body.nextCursor;
  } while (cursor);
  assert.equal(rows.length, all.length, 'every page, not just the one shown');
  assert.deepEqual(rows.map(r => [r.trade_id, r.symbol, r.quantity, r.price, r.fee, r.realized_pnl]),
    all.map(t => [t.tradeId, t.symbol, t.quantity, t.price, t.fee, t.realizedPnl ?? '']));
  assert.deepEqual(problems, []);
});
