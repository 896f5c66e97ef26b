// Shared set-up for the browser tests: Debian's chromium driven by playwright-core (never a downloaded browser),
// against the platform the integration tests started. DashboardBrowserIT passes where it is and who to be.
import { chromium } from 'playwright-core';

export const env = name => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the browser tests through DashboardBrowserIT (mvn verify)`);
  return v;
};

export const BASE = () => env('NIJA_DASHBOARD_URL');

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    // As root (CI containers) chromium refuses to start sandboxed.
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
}

/** A page that fails the test on any CSP violation or uncaught error the dashboard causes. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', e => problems.push(`page error: ${e.message}`));
  page.on('console', m => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) problems.push(m.text());
  });
  return { context, page, problems };
}

export async function signalAs(source, secret, body) {
  const res = await fetch(`${BASE()}/api/v1/signals`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ source, secret, ...body }),
  });
  if (res.status !== 202 && res.status !== 200) throw new Error(`signal refused: ${res.status} ${await res.text()}`);
  return res.json();
}
