// Staff and account views in chromium: run through DashboardRolesBrowserIT (it passes the platform and the tokens).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launch, newPage, env, BASE } from '../browser/browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => {
  // The kill switch is global: whatever happened above, leave it released for the other test classes.
  await setKillSwitch(false).catch(() => {});
  await browser?.close();
});

const api = (path, token, init = {}) => fetch(`${BASE()}${path}`, {
  ...init,
  headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(init.headers || {}) },
});
const setKillSwitch = engaged => api('/api/v1/admin/kill-switch', env('NIJA_ADMIN_TOKEN'),
  { method: 'POST', body: JSON.stringify({ engaged, reason: 'dashboard roles test cleanup' }) });
const navLabels = page => page.getByRole('navigation', { name: 'Views' }).getByRole('link').allTextContents();

/** Presses Tab until the focused element's accessible text is `name` (keyboard only, as a person would). */
async function tabTo(page, name, limit = 40) {
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return el?.labels?.[0]?.textContent?.trim() || el?.textContent?.trim() || '';
  });
  if ((await focused()).startsWith(name)) return;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if ((await focused()).startsWith(name)) return;
  }
  assert.fail(`no control named ${name} within ${limit} tabs`);
}

test('an admin engages and then releases the kill switch with the keyboard alone', async () => {
  const { page, problems } = await newPage(browser);
  await page.goto(`${BASE()}/#token=${env('NIJA_ADMIN_TOKEN')}`);
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
  await tabTo(page, 'Admin');
  await page.keyboard.press('Enter');
  const state = page.getByTestId('kill-switch-state');
  await state.filter({ hasText: 'Released' }).waitFor();

  await tabTo(page, 'Reason for engaging');
  await page.keyboard.type('exchange outage drill');
  await tabTo(page, 'Engage kill switch');
  await page.keyboard.press('Enter');
  await state.filter({ hasText: 'Engaged' }).waitFor();
  assert.match(await state.textContent(), /exchange outage drill/);
  const stored = await (await api('/api/v1/admin/kill-switch', env('NIJA_ADMIN_TOKEN'))).json();
  assert.equal(stored.engaged, true, 'the API holds the switch engaged');

  await tabTo(page, 'Release kill switch');
  await page.keyboard.press('Enter');
  await state.filter({ hasText: 'Released' }).waitFor();
  assert.equal((await (await api('/api/v1/admin/kill-switch', env('NIJA_ADMIN_TOKEN'))).json()).engaged, false);
  assert.deepEqual(problems, []);
});

test('finance sees the month-by-month figures and the subscribers, and the Finance entry but not Admin', async () => {
  const { page, problems } = await newPage(browser);
  await page.goto(`${BASE()}/finance#token=${env('NIJA_FINANCE_TOKEN')}`);
  const months = page.getByTestId('finance-months').locator('tbody tr');
  await months.first().waitFor();
  assert.equal(await months.count(), 12);
  await page.getByTestId('mrr-chart').waitFor();
  await page.getByTestId('subscribers').waitFor();
  const labels = await navLabels(page);
  assert.ok(labels.includes('Finance') && !labels.includes('Admin'), `nav: ${labels}`);

  const { page: adminPage } = await newPage(browser);
  await adminPage.goto(`${BASE()}/#token=${env('NIJA_ADMIN_TOKEN')}`);
  await adminPage.getByRole('heading', { name: 'Overview' }).waitFor();
  const adminLabels = await navLabels(adminPage);
  assert.ok(adminLabels.includes('Finance') && adminLabels.includes('Admin'), `admin nav: ${adminLabels}`);
  assert.deepEqual(problems, []);
});

test('a trader sees no staff entries; a direct URL shows a refusal and fetches nothing; the API answers 403', async () => {
  const { page, problems } = await newPage(browser);
  const staffCalls = [];
  page.on('request', r => { if (r.url().includes('/api/v1/admin/')) staffCalls.push(r.url()); });
  await page.goto(`${BASE()}/#token=${env('NIJA_TRADER_TOKEN')}`);
  await page.getByRole('heading', { name: 'Overview' }).waitFor();
  const labels = await navLabels(page);
  assert.ok(!labels.includes('Finance') && !labels.includes('Admin'), `nav: ${labels}`);

  for (const path of ['/finance', '/admin']) {
    await page.goto(`${BASE()}${path}#token=${env('NIJA_TRADER_TOKEN')}`);
    await page.getByTestId('refused').waitFor();
    assert.equal(await page.getByTestId('finance-months').count(), 0);
    assert.equal(await page.getByTestId('kill-switch-state').count(), 0);
  }
  assert.deepEqual(staffCalls, [], 'the page asked for no staff data');
  for (const path of ['/api/v1/admin/billing/metrics', '/api/v1/admin/billing/subscribers', '/api/v1/admin/kill-switch']) {
    assert.equal((await api(path, env('NIJA_TRADER_TOKEN'))).status, 403, `${path} refuses a trader`);
  }
  assert.deepEqual(problems, []);
});

test('the account view shows the tier, the subscription status and the plan\'s limits', async () => {
  const { page, problems } = await newPage(browser);
  await page.goto(`${BASE()}/account#token=${env('NIJA_TRADER_TOKEN')}`);
  const tier = page.getByTestId('tier');
  await tier.waitFor();
  const account = await (await api('/api/v1/account', env('NIJA_TRADER_TOKEN'))).json();
  assert.equal((await tier.textContent()).toLowerCase(), account.tier.toLowerCase());
  const limits = page.getByTestId('limits');
  const open = limits.getByRole('row', { name: /Open positions/ });
  assert.match(await open.textContent(), new RegExp(`Open positions(${account.entitlements.maxOpenPositions}|Unlimited)`));
  assert.match(await limits.textContent(), /Trades per day/);
  assert.deepEqual(problems, []);
});

test('axe finds no serious violations on account, admin and finance, light and dark, and 375 px never scrolls sideways', async () => {
  const require = createRequire(import.meta.url);
  const axe = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    const { page } = await newPage(browser, { viewport: { width: 375, height: 800 }, bypassCSP: true, colorScheme });
    for (const [path, token] of [['/account', 'NIJA_TRADER_TOKEN'], ['/admin', 'NIJA_ADMIN_TOKEN'], ['/finance', 'NIJA_FINANCE_TOKEN'], ['/finance', 'NIJA_TRADER_TOKEN']]) {
      await page.goto(`${BASE()}${path}#token=${env(token)}`);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      if (path === '/finance' && token !== 'NIJA_TRADER_TOKEN') await page.getByTestId('subscribers').waitFor();
      const overflow = await page.evaluate(() => {
        const extra = document.documentElement.scrollWidth - window.innerWidth;
        // Name the innermost elements that stick out, so a failure says what to fix.
        const out = [...document.querySelectorAll('body *')].filter(el => el.getBoundingClientRect().right > window.innerWidth
          && ![...el.children].some(c => c.getBoundingClientRect().right > window.innerWidth));
        return { extra, culprits: out.slice(0, 3).map(el => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent.slice(0, 40)}`) };
      });
      if (overflow.extra > 0) {
        found.push(`${colorScheme} ${path}: ${overflow.extra}px wider than the 375 px viewport (${overflow.culprits.join(' | ')})`);
      }
      await page.addScriptTag({ content: axe });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      for (const v of result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')) {
        found.push(`${colorScheme} ${path}: ${v.id} — ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`);
      }
    }
  }
  assert.deepEqual(found, []);
});
