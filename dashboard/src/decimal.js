import { parseDecimal } from './money.js';

// Exact arithmetic on the API's decimal strings: a value is a BigInt of units at a scale (digits after the point),
// so a P&L computed here equals the API's to the cent instead of drifting as floats do.

function fixed(value) {
  const d = parseDecimal(value);
  if (!d) return null;
  const units = BigInt(d.int + d.frac);
  return { units: d.negative ? -units : units, scale: d.frac.length };
}

function rescale(a, scale) {
  return a.units * 10n ** BigInt(scale - a.scale);
}

function toString(units, scale) {
  const negative = units < 0n;
  const s = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const body = scale ? `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}` : s;
  return negative ? `-${body}` : body;
}

/** a − b, exact; null when either is not a decimal. */
export function sub(a, b) {
  const x = fixed(a);
  const y = fixed(b);
  if (!x || !y) return null;
  const scale = Math.max(x.scale, y.scale);
  return toString(rescale(x, scale) - rescale(y, scale), scale);
}

/** a × b, exact. */
export function mul(a, b) {
  const x = fixed(a);
  const y = fixed(b);
  if (!x || !y) return null;
  return toString(x.units * y.units, x.scale + y.scale);
}

/** Divides units by a positive divisor, rounding half to even (as the API's BigDecimal HALF_EVEN does). */
function divideHalfEven(n, d) {
  const negative = n < 0n;
  const abs = negative ? -n : n;
  let q = abs / d;
  const twice = (abs % d) * 2n;
  if (twice > d || (twice === d && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

/** `value` rounded half-even to `places` fraction digits. */
export function roundHalfEven(value, places) {
  const x = fixed(value);
  if (!x) return null;
  if (x.scale <= places) return toString(rescale(x, places), places);
  return toString(divideHalfEven(x.units, 10n ** BigInt(x.scale - places)), places);
}

/** a ÷ b to `places` digits, half-even; null when b is zero. */
export function div(a, b, places) {
  const x = fixed(a);
  const y = fixed(b);
  if (!x || !y || y.units === 0n) return null;
  // a/b = (x.units / 10^xs) / (y.units / 10^ys); scale the numerator so the quotient has `places` digits.
  let num = x.units * 10n ** BigInt(places + y.scale);
  let den = y.units * 10n ** BigInt(x.scale);
  if (den < 0n) { num = -num; den = -den; }
  return toString(divideHalfEven(num, den), places);
}

/** |a| */
export function abs(a) {
  const x = fixed(a);
  return x ? toString(x.units < 0n ? -x.units : x.units, x.scale) : null;
}
