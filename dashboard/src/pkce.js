// OAuth 2.0 PKCE (RFC 7636) with S256, on WebCrypto: the verifier never leaves this tab until the code is redeemed,
// and the state ties Cognito's redirect back to the sign-in this tab started (RFC 6749 section 10.12).

/** base64url without padding (RFC 7636 appendix A). */
export function base64url(bytes) {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random octets as base64url: a 43-character verifier, 256 bits of entropy (RFC 7636 section 7.1). */
export function randomVerifier(crypto = globalThis.crypto) {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** An unguessable state value for one sign-in. */
export function randomState(crypto = globalThis.crypto) {
  return base64url(crypto.getRandomValues(new Uint8Array(16)));
}

/** code_challenge = BASE64URL(SHA256(ASCII(code_verifier))) (RFC 7636 section 4.2, method S256). */
export async function challengeOf(verifier, crypto = globalThis.crypto) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** The callback's state matches the one this tab sent: both present, same length, same characters. */
export function stateMatches(expected, received) {
  if (typeof expected !== 'string' || typeof received !== 'string' || !expected || expected.length !== received.length) {
    return false;
  }
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ received.charCodeAt(i);
  return diff === 0;
}
