// The fields each venue's key takes (README "Connecting each venue"). Secret fields are write-only: the form never
// fills them from the API (which never returns them) and empties them after every submit.
export const VENUES = [
  { id: 'coinbase', label: 'Coinbase Advanced Trade', fields: [
    { name: 'keyName', label: 'API key name (organizations/…/apiKeys/…)' },
    { name: 'privateKey', label: 'EC private key (PEM)', secret: true, multiline: true },
  ] },
  { id: 'kraken', label: 'Kraken', fields: [
    { name: 'apiKey', label: 'API key' },
    { name: 'apiSecret', label: 'Private key', secret: true },
  ] },
  { id: 'okx', label: 'OKX', fields: [
    { name: 'apiKey', label: 'API key' },
    { name: 'apiSecret', label: 'Secret key', secret: true },
    { name: 'passphrase', label: 'Passphrase', secret: true },
    { name: 'demo', label: 'Demo-trading key', flag: true },
  ] },
  { id: 'binance', label: 'Binance', fields: [
    { name: 'apiKey', label: 'API key' },
    { name: 'apiSecret', label: 'Secret key', secret: true },
    { name: 'testnet', label: 'Testnet key', flag: true },
  ] },
  { id: 'alpaca', label: 'Alpaca', fields: [
    { name: 'keyId', label: 'Key id' },
    { name: 'secretKey', label: 'Secret key', secret: true },
    { name: 'paper', label: 'Paper-account key', flag: true },
  ] },
];

export const venue = id => VENUES.find(v => v.id === id);

/** A blank form for `id`: flags off, text empty. */
export function emptyKeyForm(id) {
  return Object.fromEntries(venue(id).fields.map(f => [f.name, f.flag ? false : '']));
}

/** The PUT body: flags as booleans, text as typed but trimmed (a pasted key often ends in a newline). */
export function keyBody(id, form) {
  return Object.fromEntries(venue(id).fields.map(f => [f.name, f.flag ? Boolean(form[f.name]) : String(form[f.name] ?? '').trim()]));
}

/** The form after a submit, whatever its outcome: secrets gone, the rest kept for a correction. */
export function withoutSecrets(id, form) {
  const out = { ...form };
  for (const f of venue(id).fields) if (f.secret) out[f.name] = '';
  return out;
}
