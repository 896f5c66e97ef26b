import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markToPrice, markAll } from '../../src/positions.js';
import { sub, mul, div, roundHalfEven } from '../../src/decimal.js';

const long = { positionId: 'p1', symbol: 'BTC-USD', side: 'LONG', quantity: '0.015', entryPrice: '64000.10' };

test('a long gains when the price rises: (price − entry) × quantity, to the cent', () => {
  const p = markToPrice(long, '65000.10');
  assert.equal(p.unrealizedPnl, '15.00');
  assert.equal(p.currentPrice, '65000.10');
  assert.equal(p.marketValue, '975.00');
  assert.equal(p.unrealizedPnlPct, '1.56'); // 15.00 × 100 / 960.0015
});

test('a short gains when the price falls, and loses when it rises', () => {
  const short = { ...long, side: 'SHORT' };
  assert.equal(markToPrice(short, '63000.10').unrealizedPnl, '15.00');
  assert.equal(markToPrice(short, '65000.10').unrealizedPnl, '-15.00');
  assert.equal(markToPrice(short, '65000.10').unrealizedPnlPct, '-1.56');
});

test('values a double would blur stay exact: 0.1 + 0.2 style prices and tiny quantities', () => {
  const p = markToPrice({ ...long, quantity: '3', entryPrice: '0.1' }, '0.3');
  assert.equal(p.unrealizedPnl, '0.60'); // floats give 0.6000000000000001
  const dust = markToPrice({ ...long, quantity: '0.00000001', entryPrice: '1' }, '123456789012345.67');
  assert.equal(dust.unrealizedPnl, '1234567.89');
});

test('cents round half to even, as the API\'s BigDecimal HALF_EVEN does', () => {
  assert.equal(markToPrice({ ...long, quantity: '1', entryPrice: '100' }, '100.125').unrealizedPnl, '0.12');
  assert.equal(markToPrice({ ...long, quantity: '1', entryPrice: '100' }, '100.135').unrealizedPnl, '0.14');
  assert.equal(markToPrice({ ...long, quantity: '1', entryPrice: '100.135' }, '100').unrealizedPnl, '-0.14');
  assert.equal(roundHalfEven('-2.5', 0), '-2');
  assert.equal(roundHalfEven('1.2', 3), '1.200');
});

test('a missing or broken price leaves the position as the API sent it', () => {
  assert.equal(markToPrice(long, null), long);
  assert.equal(markToPrice(long, 'n/a'), long);
});

test('only positions whose market has a pushed price are re-marked', () => {
  const eth = { positionId: 'p2', symbol: 'ETH-USD', side: 'LONG', quantity: '1', entryPrice: '3000', unrealizedPnl: '5.00' };
  const [btc, same] = markAll([long, eth], { 'BTC-USD': '64000.10' });
  assert.equal(btc.unrealizedPnl, '0.00');
  assert.equal(same, eth);
});

test('decimal arithmetic is exact in scientific notation and with signs', () => {
  assert.equal(sub('1.5E+3', '0.25'), '1499.75');
  assert.equal(mul('-0.5', '0.5'), '-0.25');
  assert.equal(div('1', '3', 4), '0.3333');
  assert.equal(div('2', '-3', 2), '-0.67');
  assert.equal(div('1', '0', 2), null);
});
