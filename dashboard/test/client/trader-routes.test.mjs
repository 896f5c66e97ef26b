// @ts-check
/// <reference types="node" />
// A client generated from the contract calls every trader route: openapi-fetch typed by src/api-types.d.ts (which
// openapi-typescript generates from docs/api/openapi.yaml), so `tsc` checks each call's path, parameters and body
// against the document, and this test runs them against a platform. The set of trader operations comes from the
// document the platform serves (bearer auth, no staff group): a new trader route fails here until it is called.
// Run by ApiClientIT with the platform's URL and a fresh trader's token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import createClient from 'openapi-fetch';

const BASE = process.env.NIJA_API_BASE_URL;
const TOKEN = process.env.NIJA_CLIENT_TOKEN;
if (!BASE || !TOKEN) throw new Error('NIJA_API_BASE_URL and NIJA_CLIENT_TOKEN are not set: run through ApiClientIT (mvn verify)');

/** @type {import('openapi-fetch').Client<import('../../src/api-types').paths>} */
const client = createClient({ baseUrl: BASE, headers: { Authorization: `Bearer ${TOKEN}` } });

/** "METHOD /template" → the statuses the platform answered. */
const answered = new Map();
client.use({
  onResponse({ request, response, schemaPath }) {
    answered.set(`${request.method} ${schemaPath}`, response.status);
  },
});

/** The trader operations of the document the platform serves: "METHOD /template" → operation. */
async function traderOperations() {
  const doc = await (await fetch(`${BASE}/api/v1/openapi.json`)).json();
  const out = new Map();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== 'object' || !op.operationId) continue;
      const security = op.security ?? doc.security;
      if (security.some(s => 'bearer' in s) && !op['x-groups']) out.set(`${method.toUpperCase()} ${path}`, op);
    }
  }
  return out;
}

/**
 * The call's answer, failing on a status the document does not list or one other than `expected`.
 * @template T
 * @param {Promise<{ data?: T, error?: unknown, response: Response }>} call
 * @returns {Promise<T>}
 */
async function expect(call, expected = 200) {
  const { data, error, response } = await call;
  assert.equal(response.status, expected, `${response.url} answered ${response.status}: ${JSON.stringify(error)}`);
  return /** @type {T} */ (data);
}

test('the generated client calls every trader operation of the contract, each answered as documented', async () => {
  const operations = await traderOperations();
  assert.ok(operations.size >= 19, `only ${operations.size} trader operations in the served document`);

  const dashboard = await expect(client.GET('/api/v1/dashboard'));
  assert.ok(Array.isArray(dashboard.positions));
  await expect(client.GET('/api/v1/positions', { params: { query: { status: 'open', limit: 10 } } }));
  const trades = await expect(client.GET('/api/v1/trades', { params: { query: { limit: 5, symbol: 'BTC-USD' } } }));
  assert.ok(Array.isArray(trades.trades));
  const exported = await expect(client.GET('/api/v1/trades/export', {
    params: { query: { from: '2020-01-01', to: '2020-12-31', format: 'json' } },
    parseAs: 'json',
  }));
  assert.deepEqual(/** @type {{ fills: unknown[] }} */ (exported).fills, []);
  await expect(client.GET('/api/v1/performance', { params: { query: { period: '7d' } } }));
  await expect(client.GET('/api/v1/orders', { params: { query: { status: 'filled', limit: 5 } } }));
  const account = await expect(client.GET('/api/v1/account'));
  assert.ok(account.terms, 'the terms in force');
  await expect(client.POST('/api/v1/account/terms', {
    body: { terms: account.terms.currentTerms, riskDisclosure: account.terms.currentRiskDisclosure },
  }));
  await expect(client.GET('/api/v1/audit', { params: { query: { limit: 5 } } }));

  const { data: settings, response: read } = await client.GET('/api/v1/settings');
  assert.equal(read.status, 200);
  const etag = read.headers.get('ETag');
  assert.ok(settings && etag, 'settings and their ETag');
  const saved = await expect(client.PUT('/api/v1/settings', {
    params: { header: { 'If-Match': etag } },
    body: { ...settings, maxOpenPositions: 2 },
  }));
  assert.equal(saved.maxOpenPositions, 2);

  const { data: protections, response: guarded } = await client.GET('/api/v1/protections');
  assert.equal(guarded.status, 200);
  assert.ok(protections, 'protections');
  const tightened = await expect(client.PUT('/api/v1/protections', {
    params: { header: { 'If-Match': guarded.headers.get('ETag') ?? '"0"' } },
    body: { ...protections.settings, drawdownStopPct: '18', resetPeak: true },
  }));
  assert.equal(tightened.settings.drawdownStopPct, '18');

  // Billing as a trader meets it: the plans at the prices Stripe holds (locally its stand-in), a Checkout Session
  // to buy Pro, and no Customer Portal until a Checkout of theirs has completed (Stripe's webhook makes a customer).
  const plans = await expect(client.GET('/api/v1/billing/plans'));
  const pro = plans.plans.find(p => p.plan === 'pro');
  assert.equal(Number(pro?.prices.month?.amount), 149, `Pro monthly at Stripe's price: ${JSON.stringify(pro)}`);
  const checkout = await expect(client.POST('/api/v1/billing/checkout', { body: { plan: 'pro', interval: 'month' } }));
  assert.match(checkout.url, /^https:\/\/checkout\.stripe\.com\//);
  const { error: noCustomer, response: portal } = await client.POST('/api/v1/billing/portal');
  assert.equal(portal.status, 409, `portal before any Checkout answered ${portal.status}`);
  assert.match(String(noCustomer?.type), /\/no-billing-customer$/);

  // Notifications: an email channel, a choice of events for it, the (empty) delivery log, and the channel removed.
  await expect(client.PUT('/api/v1/notifications/channels/{channel}', {
    params: { path: { channel: 'email' } },
    body: { address: 'client-test@example.com' },
  }));
  const chosen = await expect(client.PUT('/api/v1/notifications/preferences', {
    body: { events: { fill: ['email'], 'drawdown-stop': ['email'] } },
  }));
  assert.ok(chosen, 'preferences saved');
  await expect(client.GET('/api/v1/notifications/preferences'));
  await expect(client.GET('/api/v1/notifications/deliveries'));
  await expect(client.PUT('/api/v1/notifications/preferences', { body: { events: {} } }));
  await expect(client.DELETE('/api/v1/notifications/channels/{channel}', { params: { path: { channel: 'email' } } }), 204);

  assert.equal((await expect(client.POST('/api/v1/trading/pause', { body: {} }))).botState, 'paused');
  assert.equal((await expect(client.POST('/api/v1/trading/resume'))).botState, 'running');
  // No position of this trader has that id: the close is refused as not found, and nothing is sent to a venue.
  await expect(client.POST('/api/v1/trading/close-position', { body: { positionId: 'no-such-position' } }), 404);

  // The key test needs a connected key (no venue is reached for one that is not); the key is stored, then removed.
  await expect(client.POST('/api/v1/brokers/{venue}/test', { params: { path: { venue: 'alpaca' } } }), 404);
  const connected = await expect(client.PUT('/api/v1/brokers/{venue}', {
    params: { path: { venue: 'alpaca' } },
    body: { keyId: 'PKCLIENTTEST0001', secretKey: 'clienttestsecret0123456789abcdefghijklmn', paper: true },
  }));
  assert.equal(connected.venue, 'alpaca');
  assert.deepEqual((await expect(client.GET('/api/v1/brokers'))).brokers.map(b => b.venue), ['alpaca']);
  await expect(client.DELETE('/api/v1/brokers/{venue}', { params: { path: { venue: 'alpaca' } } }), 204);
  assert.equal((await expect(client.GET('/api/v1/trading/mode'))).mode, 'paper');
  await expect(client.PUT('/api/v1/trading/mode', { body: { mode: 'paper' } }));

  // Leaving, last: the archive of everything stored about this trader, then the account deleted.
  const archive = await expect(client.GET('/api/v1/account/export', { parseAs: 'arrayBuffer' }));
  assert.deepEqual([...new Uint8Array(/** @type {ArrayBuffer} */ (archive)).slice(0, 2)], [0x50, 0x4b], 'a ZIP');
  await expect(client.DELETE('/api/v1/account', { body: { confirm: 'DELETE my account' } }));

  const missed = [...operations.keys()].filter(key => !answered.has(key));
  assert.deepEqual(missed, [], 'trader operations the generated client did not call');
  for (const [key, status] of answered) {
    const documented = Object.keys(operations.get(key)?.responses ?? {});
    assert.ok(documented.includes(String(status)), `${key} answered ${status}, not in the document (${documented})`);
  }
});
