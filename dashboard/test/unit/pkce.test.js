import test from 'node:test';
import assert from 'node:assert/strict';
import { webcrypto } from 'node:crypto';
import { base64url, challengeOf, randomVerifier, randomState, stateMatches } from '../../src/pkce.js';

// RFC 7636 appendix B ("Example for the S256 code_challenge_method").
const APPENDIX_B_OCTETS = [116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37,
  77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121];
const APPENDIX_B_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const APPENDIX_B_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

test('RFC 7636 appendix B: the 32 octets encode to its verifier, and S256 of that verifier is its challenge', async () => {
  assert.equal(base64url(Uint8Array.from(APPENDIX_B_OCTETS)), APPENDIX_B_VERIFIER);
  assert.equal(await challengeOf(APPENDIX_B_VERIFIER, webcrypto), APPENDIX_B_CHALLENGE);
});

test('a fresh verifier is 43 unreserved characters from 32 random octets, different each time', () => {
  const a = randomVerifier(webcrypto);
  const b = randomVerifier(webcrypto);
  assert.match(a, /^[A-Za-z0-9\-._~]{43}$/);
  assert.notEqual(a, b);
  assert.match(randomState(webcrypto), /^[A-Za-z0-9_-]{22}$/);
});

test('the state check accepts only the exact state this tab sent', () => {
  assert.equal(stateMatches('abc123', 'abc123'), true);
  assert.equal(stateMatches('abc123', 'abc124'), false);
  assert.equal(stateMatches('abc123', 'abc1234'), false);
  assert.equal(stateMatches('abc123', null), false);
  assert.equal(stateMatches('', ''), false);
  assert.equal(stateMatches(null, 'abc123'), false);
});
