import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launch, newPage, env, BASE, signalAs } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a token in the fragment signs in, leaves the address bar, and the overview shows the demo positions', async () => {
  const { page, problems } = await newPage(browser);
  await page.goto(`${BASE()}/#token=${env('NIJA_DEMO_TOKEN')}`);

  const rows = page.getByTestId('positions').locator('tbody tr');
  await rows.first().waitFor();
  const symbols = await rows.evaluateAll(trs => trs.map(tr => tr.dataset.symbol));
  assert.ok(symbols.includes('BTC-USD'), `demo positions shown: ${symbols}`);
  assert.equal(new URL(page.url()).hash, '', 'the token is gone from the address bar');
  assert.match(await page.getByTestId('equity').textContent(), /^\$[\d,]+\.\d\d$/);
  await page.getByTestId('connection').filter({ hasText: 'Live' }).waitFor();
  assert.deepEqual(problems, []);
});

test('the local sign-in form signs a trader in with just an id', async () => {
  const { page, problems } = await newPage(browser);
  await page.goto(`${BASE()}/`);
  await page.getByLabel('Trader id').fill(env('NIJA_FORM_TRADER'));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
  assert.equal(await page.locator('.who').textContent(), env('NIJA_FORM_TRADER'));
  assert.deepEqual(problems, []);
});

test('a signal\'s fill appears on the open page without a reload', async () => {
  const { page, problems } = await newPage(browser);
  await page.goto(`${BASE()}/#token=${env('NIJA_TRADER_TOKEN')}`);
  await page.getByTestId('connection').filter({ hasText: 'Live' }).waitFor();
  const count = page.getByTestId('open-count');
  await count.waitFor();
  const before = Number(await count.textContent());
  let navigations = 0;
  page.on('framenavigated', () => navigations++);

  await signalAs(env('NIJA_SOURCE_ID'), env('NIJA_SOURCE_SECRET'), {
    symbol: 'ETH-USD', action: 'buy', signalId: `browser-live-${Date.now()}`,
  });

  await page.getByTestId('positions').locator('tbody tr[data-symbol="ETH-USD"]').waitFor({ timeout: 15_000 });
  assert.equal(Number(await count.textContent()), before + 1);
  assert.equal(navigations, 0, 'no reload');
  assert.deepEqual(problems, []);
});

test('an overview loads with two API calls; the plan\'s limit shows a calm note, waits and retries, never an error', async () => {
  const { page, problems } = await newPage(browser);
  const calls = [];
  page.on('request', r => { if (new URL(r.url()).pathname.startsWith('/api/')) calls.push(new URL(r.url()).pathname); });
  // The shared platform lifts every limit, so the browser plays the platform's 429 for the first dashboard read.
  let refused = 0;
  await page.route('**/api/v1/dashboard', route => (refused++ === 0
    ? route.fulfill({
      status: 429,
      headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '2', 'X-RateLimit-Limit': '10', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '6' },
      body: JSON.stringify({ type: 'about:blank', title: 'Too Many Requests', status: 429, detail: 'api-rate-limit' }),
    })
    : route.continue()));
  await page.goto(`${BASE()}/#token=${env('NIJA_DEMO_TOKEN')}`);

  const note = page.getByTestId('rate-note');
  await note.filter({ hasText: "Updates paused for 2 s: your plan's API limit" }).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0, 'no error shown');
  await page.getByTestId('equity').waitFor({ timeout: 10_000 }); // retried by itself after Retry-After
  await note.waitFor({ state: 'detached' });
  await page.waitForLoadState('networkidle');
  assert.deepEqual(calls.sort(), ['/api/v1/dashboard', '/api/v1/dashboard', '/api/v1/performance'],
    'the refused read, its one retry, and the 30-day curve');
  assert.deepEqual(problems, []);
});

test('a settings save round-trips, and a broken rule is shown next to its field', async () => {
  const { page, problems } = await newPage(browser);
  await page.goto(`${BASE()}/settings#token=${env('NIJA_SETTINGS_TOKEN')}`);
  const size = page.getByLabel('Position size (% of equity)');
  await size.waitFor();

  await size.fill('3.5');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByTestId('settings-status').filter({ hasText: 'Settings saved.' }).waitFor();
  await page.reload();
  // A reload forgets the in-memory token: sign in again, then the saved value is what the API returns.
  await page.goto(`${BASE()}/settings#token=${env('NIJA_SETTINGS_TOKEN')}`);
  await page.getByLabel('Position size (% of equity)').waitFor();
  assert.equal(await page.getByLabel('Position size (% of equity)').inputValue(), '3.5');

  await page.getByLabel('Position size (% of equity)').fill('90');
  await page.getByRole('button', { name: 'Save settings' }).click();
  const error = page.locator('#s-positionSizePct-error');
  await error.waitFor();
  assert.ok((await error.textContent()).length > 0);
  assert.equal(await page.getByLabel('Position size (% of equity)').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(problems, []);
});

test('axe finds no serious or critical accessibility violations on every trader view, at 375 px', async () => {
  const require = createRequire(import.meta.url);
  const axe = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const { page } = await newPage(browser, { viewport: { width: 375, height: 800 }, bypassCSP: true });
  for (const path of ['/', '/positions', '/orders', '/trades', '/settings', '/performance']) {
    await page.goto(`${BASE()}${path}#token=${env('NIJA_DEMO_TOKEN')}`);
    await page.locator('main h1').waitFor();
    await page.waitForLoadState('networkidle');
    await page.addScriptTag({ content: axe });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const serious = result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious.map(v => `${path}: ${v.id} — ${v.help} (${v.nodes.length})`), []);
  }
});

test('the API reference at /docs/api/ renders every operation of the served contract under its own CSP', async () => {
  const { page, problems } = await newPage(browser);
  const doc = await (await fetch(`${BASE()}/api/v1/openapi.json`)).json();
  const operationIds = Object.values(doc.paths).flatMap(item => Object.values(item)).map(op => op?.operationId).filter(Boolean);

  await page.goto(`${BASE()}/docs/api/`);
  await page.locator('[data-section-id^="operation/"]').first().waitFor({ timeout: 30000 });
  const shown = await page.locator('[data-section-id^="operation/"]')
    .evaluateAll(els => els.map(e => e.getAttribute('data-section-id').replace('operation/', '')));

  assert.deepEqual([...new Set(shown)].sort(), [...operationIds].sort());
  // Redoc's sidebar credit loads its logo from Redocly's CDN; the CSP refuses it (img-src 'self'), as it should.
  assert.deepEqual(problems.filter(p => !p.includes('cdn.redoc.ly')), []);
});
