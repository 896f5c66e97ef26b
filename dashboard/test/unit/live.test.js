import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSeqGap, sortUpdates, backoffMs, mergePushed } from '../../src/live.js';

test('a message numbered one past the last is no gap; a skip, a repeat or a step back is', () => {
  assert.equal(isSeqGap(null, 1), false, 'the first message of a connection');
  assert.equal(isSeqGap(4, 5), false);
  assert.equal(isSeqGap(4, 6), true);
  assert.equal(isSeqGap(4, 4), true);
  assert.equal(isSeqGap(4, 2), true);
  assert.equal(isSeqGap(4, undefined), false, 'an unnumbered message says nothing');
});

test('prices and pushed orders are applied in place; fills and the bot pausing ask for a refetch', () => {
  const prices = sortUpdates([
    { channel: 'prices:BTC-USD', event: 'price', data: { symbol: 'BTC-USD', price: '64000.10' } },
    { channel: 'positions', event: 'pnl.changed', data: { symbol: 'ETH-USD', unrealizedPnl: '1.00', markPrice: '3001' } },
  ]);
  assert.deepEqual(prices, { prices: { 'BTC-USD': '64000.10', 'ETH-USD': '3001' }, refetch: false, closed: false, orders: false, rows: false });

  assert.deepEqual(sortUpdates([{ channel: 'orders', event: 'order.placed', data: { orderId: 'o1', status: 'RESTING' } }]),
    { prices: {}, refetch: false, closed: false, orders: true, rows: true }, 'an order carries its row: merged, only its list refetches');
  const fill = sortUpdates([
    { channel: 'orders', event: 'order.filled', data: { orderId: 'o1' } },
    { channel: 'trades', event: 'trade.executed', data: { orderId: 'o1', realizedPnl: null } },
    { channel: 'positions', event: 'position.opened', data: { positionId: 'p1' } },
  ]);
  assert.deepEqual([fill.refetch, fill.closed], [true, false], 'an opening fill moves cash, not the equity curve');
  assert.equal(sortUpdates([{ channel: 'system', event: 'bot.paused', data: {} }]).refetch, true);
  const close = sortUpdates([{ channel: 'positions', event: 'pnl.changed', data: { symbol: 'X-USD', realizedPnl: '2' } }]);
  assert.deepEqual([close.refetch, close.closed], [true, true], 'a realized P&L is a close: the curve reloads');
  assert.equal(sortUpdates([{ channel: 'positions', event: 'position.closed', data: { positionId: 'p1' } }]).closed, true);
});

test('reconnects back off from 0.5 s, doubling, up to 30 s, with up to half of it random', () => {
  assert.equal(backoffMs(0, () => 0), 250);
  assert.equal(backoffMs(0, () => 1), 500);
  assert.equal(backoffMs(3, () => 1), 4000);
  assert.equal(backoffMs(20, () => 1), 30_000);
  assert.equal(backoffMs(20, () => 0), 15_000);
});

test('a pushed order updates its row in place, a new one goes on top, a filtered-out one stays out', () => {
  const list = [{ orderId: 'o1', status: 'RESTING', source: 'tv' }];
  const merged = mergePushed(list, [
    { channel: 'orders', event: 'order.filled', data: { orderId: 'o1', status: 'FILLED', fillPrice: '10.5' } },
    { channel: 'orders', event: 'order.filled', data: { orderId: 'o2', status: 'FILLED' } },
    { channel: 'orders', event: 'order.refused', data: { orderId: 'o3', status: 'REFUSED' } },
    { channel: 'trades', event: 'trade.executed', data: { orderId: 'o4' } },
  ], { channel: 'orders', key: 'orderId', accept: o => o.status === 'FILLED' });
  assert.deepEqual(merged, [
    { orderId: 'o2', status: 'FILLED' },
    { orderId: 'o1', status: 'FILLED', source: 'tv', fillPrice: '10.5' },
  ]);
});

test('a closed position leaves the open list; P&L marks are not positions', () => {
  const open = [{ positionId: 'p1', symbol: 'BTC-USD' }];
  const options = { channel: 'positions', key: 'positionId', events: ['position.opened', 'position.closed'], drop: u => u.event === 'position.closed' };
  assert.deepEqual(mergePushed(open, [{ channel: 'positions', event: 'position.closed', data: { positionId: 'p1' } }], options), []);
  assert.equal(mergePushed(open, [{ channel: 'positions', event: 'pnl.changed', data: { positionId: 'p9', unrealizedPnl: '1' } }], options), open);
  assert.equal(mergePushed(open, [], options), open, 'nothing pushed, the same list');
});
