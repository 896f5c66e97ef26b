import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explain, cause } from '../../src/explain.js';

test('APEX\'s explanation reads as conditions held and missed, and indicator values', () => {
  const e = explain({
    version: '7.1', reason: 'entry', side: 'long',
    conditions: { nearEma21OrVwap: true, rsiInBand: true, reversalCandle: false, macdAgrees: true, volumeConfirms: false },
    indicators: { rsi14: 55.1, atr14: 0.5 },
  });

  assert.deepEqual(e.held, ['near ema21 or vwap', 'rsi in band', 'macd agrees']);
  assert.deepEqual(e.missed, ['reversal candle', 'volume confirms']);
  assert.deepEqual(e.indicators, ['rsi14 55.1', 'atr14 0.5']);
  assert.deepEqual(e.other, ['version: 7.1', 'reason: entry', 'side: long']);
});

test('any other source\'s explanation is shown field by field, nested values as JSON; none is empty', () => {
  assert.deepEqual(explain({ why: 'breakout', levels: [1, 2] }).other, ['why: breakout', 'levels: [1,2]']);
  assert.deepEqual(explain(null), { held: [], missed: [], indicators: [], other: [] });
});

test('an order says what caused it: a ladder rung, the engine\'s stop, or the signal\'s source', () => {
  assert.equal(cause({ rung: 2, source: 'engine', strategy: 'scale-out' }), 'take-profit rung 2');
  assert.equal(cause({ source: 'engine', strategy: 'stop-loss' }), 'stop-loss');
  assert.equal(cause({ source: 'nija-apex', strategy: 'apex' }), 'signal from nija-apex');
});
