// What the account page offers for billing, from the account and the plans route's answer (or its refusal).

/** Subscription statuses that no longer bill: such a trader buys again through Checkout. */
const ENDED = new Set(['none', 'canceled', 'incomplete_expired']);

/**
 * `unavailable` (the server has no billing: 503), `portal` (a live subscription: changes go through Stripe's portal)
 * or `checkout` (no subscription: one offer per paid plan and interval, with `portal` also open to a former customer
 * for their invoices).
 */
export function billingChoice(account, plans, plansError) {
  if (plansError && plansError.status === 503) return { mode: 'unavailable', note: plansError.message };
  if (!account || !plans) return { mode: 'loading' };
  const status = account.subscriptionStatus || 'none';
  if (!ENDED.has(status)) return { mode: 'portal', current: account.tier };
  const offers = [];
  for (const p of plans.plans || []) {
    for (const interval of ['month', 'year']) {
      const price = p.prices && p.prices[interval];
      if (price) offers.push({ plan: p.plan, interval, amount: price.amount, currency: price.currency });
    }
  }
  const trial = plans.trial && plans.trial.eligible && plans.trial.days > 0 ? plans.trial.days : 0;
  return { mode: 'checkout', offers, trialDays: trial, formerCustomer: !(plans.trial && plans.trial.eligible) };
}

/** Only an https page is followed: a Stripe session URL, never a script or a relative path. */
export function stripePage(url) {
  return typeof url === 'string' && /^https:\/\/[^\s/]+\//.test(url) ? url : null;
}
