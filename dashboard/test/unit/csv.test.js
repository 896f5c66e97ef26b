import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toCsv, TRADE_COLUMNS } from '../../src/csv.js';

test('a trade becomes one CRLF line with money exactly as the API wrote it', () => {
  const csv = toCsv(TRADE_COLUMNS, [{
    executedAt: '2031-06-16T12:00:00Z', tradeId: 't1', orderId: 'o1', positionId: 'p1', symbol: 'BTC-USD',
    side: 'BUY', quantity: '0.00012345', price: '64000.10', fee: '0.000001', realizedPnl: '-3.20',
  }]);
  assert.equal(csv,
    'executed_at,trade_id,order_id,position_id,symbol,side,quantity,price,fee,realized_pnl\r\n'
    + '2031-06-16T12:00:00Z,t1,o1,p1,BTC-USD,BUY,0.00012345,64000.10,0.000001,-3.20\r\n');
});

test('missing values are empty cells; commas, quotes and line breaks are quoted', () => {
  const csv = toCsv([['a', 'a'], ['b', 'b'], ['c', 'c']], [{ a: null, b: 'x,"y"', c: 'two\nlines' }]);
  assert.equal(csv.split('\r\n')[1], ',"x,""y""","two\nlines"');
});

test('text a spreadsheet would run as a formula is kept as text; negative numbers stay numbers', () => {
  const csv = toCsv([['a', 'a'], ['b', 'b'], ['c', 'c']], [{ a: '=HYPERLINK("x")', b: '-12.50', c: '@SUM(A1)' }]);
  assert.equal(csv.split('\r\n')[1], '"\'=HYPERLINK(""x"")",-12.50,\'@SUM(A1)');
});

test('no rows is just the header', () => {
  assert.equal(toCsv(TRADE_COLUMNS, []).split('\r\n').length, 2);
});
