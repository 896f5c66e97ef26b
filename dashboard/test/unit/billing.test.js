import test from 'node:test';
import assert from 'node:assert/strict';
import { billingChoice, stripePage } from '../../src/billing.js';

const plans = {
  plans: [
    { plan: 'free', limits: {}, prices: {} },
    { plan: 'pro', limits: {}, prices: { month: { priceId: 'price_m', amount: '149.00', currency: 'usd' },
      year: { priceId: 'price_y', amount: '1430.40', currency: 'usd' } } },
  ],
  trial: { days: 14, eligible: true },
  pricesAsOf: '2031-06-16T12:00:00Z',
};

test('a trader without a subscription is offered each paid plan and interval, with the trial while eligible', () => {
  const choice = billingChoice({ tier: 'free', subscriptionStatus: 'none' }, plans);
  assert.equal(choice.mode, 'checkout');
  assert.deepEqual(choice.offers.map(o => `${o.plan}/${o.interval}/${o.amount}`), ['pro/month/149.00', 'pro/year/1430.40']);
  assert.equal(choice.trialDays, 14);
  assert.equal(choice.formerCustomer, false);
});

test('a former customer buys again without a trial and may open the portal for invoices', () => {
  const choice = billingChoice({ tier: 'free', subscriptionStatus: 'canceled' }, { ...plans, trial: { days: 14, eligible: false } });
  assert.equal(choice.mode, 'checkout');
  assert.equal(choice.trialDays, 0);
  assert.equal(choice.formerCustomer, true);
});

test('a subscriber manages billing in the portal; a server without billing says so', () => {
  assert.deepEqual(billingChoice({ tier: 'pro', subscriptionStatus: 'past_due' }, plans), { mode: 'portal', current: 'pro' });
  const unavailable = billingChoice(null, null, { status: 503, message: 'billing is not configured on this server' });
  assert.equal(unavailable.mode, 'unavailable');
});

test('only an https page is followed', () => {
  assert.equal(stripePage('https://checkout.stripe.com/c/pay/cs_test_1'), 'https://checkout.stripe.com/c/pay/cs_test_1');
  assert.equal(stripePage('javascript:alert(1)'), null);
  assert.equal(stripePage('/relative'), null);
  assert.equal(stripePage('http://checkout.stripe.com/x'), null);
});
