// Sign-in in AWS: Cognito's hosted UI with the authorization code and PKCE. The access token stays in memory (auth.js);
// the refresh token never reaches this script: the backend-for-frontend (/auth/token, /auth/refresh, /auth/sign-out)
// keeps it in an HttpOnly cookie, so a reload signs in again through /auth/refresh.
import { token, signOut } from './auth.js';
import { randomVerifier, randomState, challengeOf, stateMatches } from './pkce.js';

export const CALLBACK_PATH = '/auth/callback';
// One sign-in in flight: its state and verifier must survive the trip to Cognito and back, and nothing else is kept.
const PENDING = 'nija.pendingSignIn';
// Refresh this long before the access token expires.
const EARLY_MS = 60_000;

let refreshTimer = null;

/** Sends the browser to Cognito's hosted sign-in with a fresh state and S256 challenge. */
export async function beginHostedSignIn(config, { location = window.location, storage = sessionStorage, crypto = globalThis.crypto } = {}) {
  const verifier = randomVerifier(crypto);
  const state = randomState(crypto);
  storage.setItem(PENDING, JSON.stringify({ state, verifier }));
  const url = new URL('/oauth2/authorize', config.domain);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: location.origin + CALLBACK_PATH,
    scope: 'openid email profile',
    state,
    code_challenge: await challengeOf(verifier, crypto),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
  return url;
}

/**
 * On Cognito's redirect back: checks the state against the pending sign-in (used once), redeems the code with the
 * verifier through /auth/token, and takes the code out of the address bar. Returns false when this is not a callback.
 */
export async function completeHostedSignIn({ location = window.location, history = window.history, storage = sessionStorage, fetch = globalThis.fetch } = {}) {
  if (location.pathname !== CALLBACK_PATH) return false;
  const params = new URLSearchParams(location.search);
  const pending = readPending(storage);
  storage.removeItem(PENDING);
  history.replaceState(null, '', '/');
  if (params.get('error')) throw new Error(`Sign-in was not completed (${params.get('error')}).`);
  if (!pending || !stateMatches(pending.state, params.get('state'))) {
    throw new Error('This sign-in response does not belong to a sign-in started here. Sign in again.');
  }
  const code = params.get('code');
  if (!code) throw new Error('Cognito returned no authorization code. Sign in again.');
  await session(fetch, '/auth/token', { code, codeVerifier: pending.verifier, redirectUri: location.origin + CALLBACK_PATH });
  return true;
}

/** After a reload: a new access token from the HttpOnly refresh cookie, if there is a session. */
export async function resumeSession({ fetch = globalThis.fetch } = {}) {
  try {
    await session(fetch, '/auth/refresh');
    return true;
  } catch {
    return false;
  }
}

/** Stops refreshing and forgets the access token (this tab only). */
export function endLocalSession() {
  clearTimeout(refreshTimer);
  refreshTimer = null;
  signOut();
}

/** Revokes the session (its refresh token, and the access tokens issued from it) and leaves Cognito's session too. */
export async function hostedSignOut(config, { location = window.location, fetch = globalThis.fetch } = {}) {
  endLocalSession();
  await fetch('/auth/sign-out', { method: 'POST', credentials: 'same-origin' }).catch(() => {});
  const url = new URL('/logout', config.domain);
  url.search = new URLSearchParams({ client_id: config.clientId, logout_uri: location.origin + '/' }).toString();
  location.assign(url.toString());
}

async function session(fetch, path, body) {
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: body ? { 'Content-Type': 'application/json', Accept: 'application/json' } : { Accept: 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok || !json.accessToken) throw new Error(json.detail || `sign-in failed (${res.status})`);
  token.value = json.accessToken;
  clearTimeout(refreshTimer);
  const expiresMs = Math.max(Number(json.expiresIn) * 1000 - EARLY_MS, 30_000);
  refreshTimer = setTimeout(() => resumeSession({ fetch }).then(ok => ok || signOut()), expiresMs);
}

function readPending(storage) {
  try {
    return JSON.parse(storage.getItem(PENDING) || 'null');
  } catch {
    return null;
  }
}
