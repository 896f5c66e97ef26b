// Money arrives as decimal strings ("1234.5", "-0.004", "1.5E+3") and is shown without ever becoming a float:
// rounding is done on the digits, half away from zero, as the API rounds.

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?$/;

/** Splits a decimal string into sign, integer digits and fraction digits; null when it is not a decimal. */
export function parseDecimal(value) {
  if (value === null || value === undefined) return null;
  const m = DECIMAL.exec(String(value).trim());
  if (!m) return null;
  let digits = m[2] + (m[3] || '');
  let point = m[2].length;
  const exp = m[4] ? parseInt(m[4], 10) : 0;
  point += exp;
  if (point < 0) { digits = '0'.repeat(-point) + digits; point = 0; }
  if (point > digits.length) digits = digits + '0'.repeat(point - digits.length);
  const int = digits.slice(0, point).replace(/^0+/, '') || '0';
  const frac = digits.slice(point);
  const negative = m[1] === '-' && /[1-9]/.test(int + frac);
  return { negative, int, frac };
}

/** Rounds to `places` fraction digits, half away from zero; returns { negative, int, frac } with frac of that length. */
export function round({ negative, int, frac }, places) {
  const padded = frac.padEnd(places + 1, '0');
  let kept = BigInt(int + padded.slice(0, places));
  if (padded.charCodeAt(places) >= 53 /* '5' */) kept += 1n;
  const s = kept.toString().padStart(places + 1, '0');
  const r = { int: s.slice(0, s.length - places), frac: s.slice(s.length - places) };
  return { negative: negative && /[1-9]/.test(r.int + r.frac), ...r };
}

function group(int) {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function render(value, places, { prefix = '', signed = false } = {}) {
  const d = parseDecimal(value);
  if (!d) return '–';
  const r = round(d, places);
  const sign = r.negative ? '−' : signed && /[1-9]/.test(r.int + r.frac) ? '+' : '';
  return sign + prefix + group(r.int) + (places ? '.' + r.frac : '');
}

/** "$1,234.50"; "−$3.20" for a loss; "–" for a missing value. */
export const usd = v => render(v, 2, { prefix: '$' });
/** A P&L: "+$12.30", "−$3.20", "$0.00". */
export const pnl = v => render(v, 2, { prefix: '$', signed: true });
/** A fraction of 1 as a percentage: "0.1234" → "12.34%". */
export function fractionPct(v) {
  const d = parseDecimal(v);
  if (!d) return '–';
  return render(shift(d, 2), 2) + '%';
}
/** Already a percentage: "2.5" → "2.50%"; signed for changes. */
export const pct = (v, signed = false) => (parseDecimal(v) ? render(v, 2, { signed }) + '%' : '–');
/** A quantity or price with up to `max` fraction digits, trailing zeros dropped. */
export function qty(v, max = 8) {
  const d = parseDecimal(v);
  if (!d) return '–';
  const r = round(d, max);
  const frac = r.frac.replace(/0+$/, '');
  return (r.negative ? '−' : '') + group(r.int) + (frac ? '.' + frac : '');
}
/** A plain ratio (Sharpe, profit factor): two places. */
export const ratio = v => render(v, 2);
/** -1, 0 or 1: the sign of a decimal string, for colouring gains and losses. */
export function signOf(v) {
  const d = parseDecimal(v);
  if (!d || !/[1-9]/.test(d.int + d.frac)) return 0;
  return d.negative ? -1 : 1;
}

function shift(d, places) {
  const frac = d.frac.padEnd(places, '0');
  return (d.negative ? '-' : '') + d.int + frac.slice(0, places) + '.' + (frac.slice(places) || '0');
}

/** The CSS class that colours a signed amount: 'gain', 'loss' or ''. */
export const tone = v => (signOf(v) > 0 ? 'gain' : signOf(v) < 0 ? 'loss' : '');
