// Pure helpers of the finance view: which months to ask for, and the chart points of a currency's figures.

/** The `count` months up to and including `latest` ("YYYY-MM"), oldest first. */
export function monthsUpTo(latest, count) {
  const m = /^(\d{4})-(\d{2})$/.exec(latest || '');
  if (!m) return [];
  let year = Number(m[1]);
  let month = Number(m[2]);
  const out = [];
  for (let i = 0; i < count; i++) {
    out.unshift(`${year}-${String(month).padStart(2, '0')}`);
    month -= 1;
    if (month === 0) { month = 12; year -= 1; }
  }
  return out;
}

/** The currency to chart: USD when any month has it, else the first one seen. */
export function chartCurrency(metrics) {
  const seen = metrics.flatMap(m => (m.revenue || []).map(r => r.currency));
  return seen.includes('usd') ? 'usd' : seen.includes('USD') ? 'USD' : seen[0] || null;
}

/** One chart point per month at its first day (UTC), for `pick(month)`; months without a value are left out. */
export function monthlyPoints(metrics, pick) {
  return metrics
    .map(m => ({ t: `${m.month}-01T00:00:00Z`, equity: pick(m) }))
    .filter(p => p.equity !== null && p.equity !== undefined);
}

/** A month's revenue line in `currency`, or null. */
export const revenueIn = (m, currency) => (m.revenue || []).find(r => r.currency === currency) || null;
