import test from 'node:test';
import assert from 'node:assert/strict';
import { VENUES, emptyKeyForm, keyBody, withoutSecrets } from '../../src/venues.js';

test('each venue sends exactly the fields the API takes, flags as booleans and keys trimmed', () => {
  const form = { ...emptyKeyForm('okx'), apiKey: ' k-1 ', apiSecret: 's3cr3t\n', passphrase: 'p', demo: true };
  assert.deepEqual(keyBody('okx', form), { apiKey: 'k-1', apiSecret: 's3cr3t', passphrase: 'p', demo: true });
  assert.deepEqual(Object.keys(keyBody('coinbase', emptyKeyForm('coinbase'))), ['keyName', 'privateKey']);
  assert.deepEqual(keyBody('alpaca', emptyKeyForm('alpaca')), { keyId: '', secretKey: '', paper: false });
});

test('after a submit every secret input is empty and the key id stays for a correction', () => {
  for (const v of VENUES) {
    const filled = Object.fromEntries(v.fields.map(f => [f.name, f.flag ? true : `value-of-${f.name}`]));
    const after = withoutSecrets(v.id, filled);
    for (const f of v.fields) {
      if (f.secret) assert.equal(after[f.name], '', `${v.id}.${f.name} is cleared`);
      else assert.equal(after[f.name], filled[f.name], `${v.id}.${f.name} is kept`);
    }
    assert.ok(v.fields.some(f => f.secret), `${v.id} has a secret field`);
  }
});
