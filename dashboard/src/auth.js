import { signal, computed } from '@preact/signals';

// The access token lives only in memory: never in storage, where any script on the origin could read it.
export const token = signal(null);
export const claims = computed(() => (token.value ? decodeClaims(token.value) : null));

/** Takes `#token=<JWT>` from the address bar (a fragment never reaches a server) and removes it from history. */
export function takeTokenFromFragment(location = window.location, history = window.history) {
  const m = /(?:^#|&)token=([A-Za-z0-9_\-.]+)/.exec(location.hash);
  if (!m) return false;
  token.value = m[1];
  history.replaceState(null, '', location.pathname + location.search);
  return true;
}

/** The JWT's payload, for showing who is signed in and which groups' views to offer (the API decides access). */
export function decodeClaims(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '=')));
  } catch {
    return null;
  }
}

/** Signs in on the local platform with just a trader id (the platform issues a dev token, as `token --user` does). */
export async function localSignIn(traderId) {
  const res = await fetch('/local/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ traderId }),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.errors?.[0]?.message || body.detail || `sign-in failed (${res.status})`);
  token.value = body.token;
}

export function signOut() {
  token.value = null;
}
