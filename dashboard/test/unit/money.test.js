import { test } from 'node:test';
import assert from 'node:assert/strict';
import { usd, pnl, pct, fractionPct, qty, ratio, signOf } from '../../src/money.js';

test('dollars are grouped and rounded half away from zero on the digits', () => {
  assert.equal(usd('1234.5'), '$1,234.50');
  assert.equal(usd('0.005'), '$0.01');
  assert.equal(usd('-0.005'), '−$0.01');
  assert.equal(usd('10000'), '$10,000.00');
  assert.equal(usd('1.5E+3'), '$1,500.00');
  assert.equal(usd(null), '–');
  assert.equal(usd('abc'), '–');
});

test('amounts beyond a double\'s precision keep every digit', () => {
  // 2^53 + 1: a float would print ...992.00
  assert.equal(usd('9007199254740993.125'), '$9,007,199,254,740,993.13');
  assert.equal(usd('0.1'), '$0.10');
});

test('P&L carries its sign, and a loss that rounds to zero is not negative', () => {
  assert.equal(pnl('12.3'), '+$12.30');
  assert.equal(pnl('-3.2'), '−$3.20');
  assert.equal(pnl('-0.001'), '$0.00');
  assert.equal(pnl('0'), '$0.00');
});

test('percentages and fractions', () => {
  assert.equal(pct('2.5'), '2.50%');
  assert.equal(pct('-1.234', true), '−1.23%');
  assert.equal(fractionPct('0.1234'), '12.34%');
  assert.equal(fractionPct('1'), '100.00%');
  assert.equal(fractionPct(null), '–');
});

test('quantities drop trailing zeros and keep small sizes', () => {
  assert.equal(qty('0.00012000'), '0.00012');
  assert.equal(qty('1500'), '1,500');
  assert.equal(qty('1E-8'), '0.00000001');
  assert.equal(ratio('1.999'), '2.00');
});

test('the sign of a decimal string', () => {
  assert.equal(signOf('-0.01'), -1);
  assert.equal(signOf('0.00'), 0);
  assert.equal(signOf('3'), 1);
  assert.equal(signOf(undefined), 0);
});
