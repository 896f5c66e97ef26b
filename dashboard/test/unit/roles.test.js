import test from 'node:test';
import assert from 'node:assert/strict';
import { monthsUpTo, monthlyPoints, chartCurrency, revenueIn } from '../../src/finance.js';

// route.js reads the address bar and listens for popstate at import: give it the little it needs.
globalThis.location = { pathname: '/' };
globalThis.addEventListener = () => {};
const { VIEWS, allowed } = await import('../../src/route.js');
const view = path => VIEWS.find(v => v.path === path);

test('a trader sees neither staff view; finance sees Finance only; admin sees both', () => {
  const trader = { sub: 't' };
  const finance = { sub: 'f', 'cognito:groups': ['finance'] };
  const admin = { sub: 'a', 'cognito:groups': ['admin'] };
  assert.deepEqual([allowed(view('/admin'), trader), allowed(view('/finance'), trader)], [false, false]);
  assert.deepEqual([allowed(view('/admin'), finance), allowed(view('/finance'), finance)], [false, true]);
  assert.deepEqual([allowed(view('/admin'), admin), allowed(view('/finance'), admin)], [true, true]);
  assert.equal(allowed(view('/account'), trader), true);
  assert.equal(allowed(view('/finance'), null), false);
});

test('twelve months up to the API\'s current one, across a year boundary, oldest first', () => {
  assert.deepEqual(monthsUpTo('2031-02', 4), ['2030-11', '2030-12', '2031-01', '2031-02']);
  assert.equal(monthsUpTo('2031-06', 12).length, 12);
  assert.deepEqual(monthsUpTo('June', 3), []);
});

test('chart points are one per month in the charted currency, months without a churn rate left out', () => {
  const metrics = [
    { month: '2031-05', revenue: [{ currency: 'usd', mrr: '149.00' }], churnRate: null },
    { month: '2031-06', revenue: [{ currency: 'eur', mrr: '49.00' }, { currency: 'usd', mrr: '198.00' }], churnRate: '0.0500' },
  ];
  const currency = chartCurrency(metrics);
  assert.equal(currency, 'usd');
  assert.deepEqual(monthlyPoints(metrics, m => revenueIn(m, currency)?.mrr), [
    { t: '2031-05-01T00:00:00Z', equity: '149.00' }, { t: '2031-06-01T00:00:00Z', equity: '198.00' }]);
  assert.deepEqual(monthlyPoints(metrics, m => m.churnRate), [{ t: '2031-06-01T00:00:00Z', equity: '0.0500' }]);
});
