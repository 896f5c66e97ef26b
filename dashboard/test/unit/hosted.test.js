import test from 'node:test';
import assert from 'node:assert/strict';
import { webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beginHostedSignIn, completeHostedSignIn, endLocalSession, hostedSignOut } from '../../src/hosted.js';
import { challengeOf } from '../../src/pkce.js';
import { token } from '../../src/auth.js';
import { liveUrl } from '../../src/live.js';

// The /config.json a deployment writes (cdk-app DashboardConfig; DashboardSiteTest checks the synthesized one has
// exactly these keys in these forms).
const CONFIG = JSON.parse(readFileSync(new URL('../fixtures/config.aws.json', import.meta.url)));

function memoryStorage() {
  const m = new Map();
  return { getItem: k => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, String(v)), removeItem: k => m.delete(k) };
}

function browserAt(href) {
  const url = new URL(href);
  const replaced = [];
  return {
    location: { origin: url.origin, pathname: url.pathname, search: url.search, assign(to) { this.assigned = to; } },
    history: { replaceState: (_s, _t, to) => replaced.push(to) },
    replaced,
  };
}

function recordingFetch(answer) {
  const calls = [];
  const fetch = async (path, init) => {
    calls.push({ path, init, body: init.body ? JSON.parse(init.body) : undefined });
    return { ok: answer.status === 200, status: answer.status, json: async () => answer.body };
  };
  return { fetch, calls };
}

async function startSignIn(storage) {
  const b = browserAt('https://dash.example.com/');
  const url = await beginHostedSignIn(CONFIG, { location: b.location, storage, crypto: webcrypto });
  return new URL(b.location.assigned ?? url);
}

test('sign-in goes to the hosted UI with the code flow, S256 challenge of the kept verifier, state and callback', async () => {
  const storage = memoryStorage();
  const url = await startSignIn(storage);
  const q = url.searchParams;
  assert.equal(url.origin + url.pathname, `${CONFIG.domain}/oauth2/authorize`);
  assert.equal(q.get('response_type'), 'code');
  assert.equal(q.get('client_id'), CONFIG.clientId);
  assert.equal(q.get('scope'), 'openid email profile');
  assert.equal(q.get('redirect_uri'), 'https://dash.example.com/auth/callback');
  assert.equal(q.get('code_challenge_method'), 'S256');
  const pending = JSON.parse(storage.getItem('nija.pendingSignIn'));
  assert.equal(q.get('state'), pending.state);
  assert.equal(q.get('code_challenge'), await challengeOf(pending.verifier, webcrypto));
});

test('the callback redeems the code with the verifier once, keeps the token in memory and cleans the address bar', async () => {
  const storage = memoryStorage();
  const state = (await startSignIn(storage)).searchParams.get('state');
  const verifier = JSON.parse(storage.getItem('nija.pendingSignIn')).verifier;
  const b = browserAt(`https://dash.example.com/auth/callback?code=the-code&state=${state}`);
  const api = recordingFetch({ status: 200, body: { accessToken: 'a.b.c', idToken: 'i.d.t', expiresIn: 3600 } });

  assert.equal(await completeHostedSignIn({ ...b, storage, fetch: api.fetch }), true);

  assert.equal(token.value, 'a.b.c');
  assert.deepEqual(b.replaced, ['/']);
  assert.equal(api.calls[0].path, '/auth/token');
  assert.deepEqual(api.calls[0].body, { code: 'the-code', codeVerifier: verifier, redirectUri: 'https://dash.example.com/auth/callback' });
  assert.equal(storage.getItem('nija.pendingSignIn'), null, 'the verifier is used once');
  endLocalSession();
  assert.equal(token.value, null);
});

test('a callback whose state is not the pending one is refused and nothing is redeemed', async () => {
  const storage = memoryStorage();
  await startSignIn(storage);
  const b = browserAt('https://dash.example.com/auth/callback?code=stolen&state=forged');
  const api = recordingFetch({ status: 200, body: { accessToken: 'x' } });

  await assert.rejects(completeHostedSignIn({ ...b, storage, fetch: api.fetch }), /does not belong/);
  assert.equal(api.calls.length, 0);
  assert.equal(token.value, null);
  assert.equal(storage.getItem('nija.pendingSignIn'), null);
});

test('a callback with no sign-in started in this tab is refused', async () => {
  const b = browserAt('https://dash.example.com/auth/callback?code=c&state=s');
  const api = recordingFetch({ status: 200, body: { accessToken: 'x' } });
  await assert.rejects(completeHostedSignIn({ ...b, storage: memoryStorage(), fetch: api.fetch }), /does not belong/);
  assert.equal(api.calls.length, 0);
});

test('any other path is not a callback', async () => {
  const b = browserAt('https://dash.example.com/trades?code=c&state=s');
  assert.equal(await completeHostedSignIn({ ...b, storage: memoryStorage(), fetch: async () => assert.fail('no fetch') }), false);
});

test('sign-out revokes the session on this origin, then leaves the hosted UI back to this origin', async () => {
  token.value = 'a.b.c';
  const b = browserAt('https://dash.example.com/trades');
  const api = recordingFetch({ status: 204, body: {} });

  await hostedSignOut(CONFIG, { location: b.location, fetch: api.fetch });

  assert.equal(token.value, null);
  assert.deepEqual(api.calls.map(c => [c.path, c.init.method, c.init.credentials]),
    [['/auth/sign-out', 'POST', 'same-origin']]);
  const out = new URL(b.location.assigned);
  assert.equal(out.origin + out.pathname, `${CONFIG.domain}/logout`);
  assert.equal(out.searchParams.get('client_id'), CONFIG.clientId);
  assert.equal(out.searchParams.get('logout_uri'), 'https://dash.example.com/');
});

test('the live WebSocket is the deployment\'s wsUrl in AWS and /ws beside the app locally', () => {
  assert.equal(liveUrl(CONFIG, { protocol: 'https:', host: 'dash.example.com' }), CONFIG.wsUrl);
  assert.equal(liveUrl({ signIn: 'local' }, { protocol: 'http:', host: '127.0.0.1:3000' }), 'ws://127.0.0.1:3000/ws');
  assert.equal(liveUrl({ signIn: 'local' }, { protocol: 'https:', host: 'nija.test' }), 'wss://nija.test/ws');
});
