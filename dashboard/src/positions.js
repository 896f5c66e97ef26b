import { sub, mul, div, abs, roundHalfEven } from './decimal.js';

/**
 * An open position marked to a new price, computed as the API computes it (PositionMath): unrealized P&L =
 * (price − entry) × quantity, reversed for a short, rounded half-even to cents; its percentage of the entry value.
 * Returns the position unchanged when the price or its figures are missing.
 */
export function markToPrice(position, price) {
  if (price == null) return position;
  const move = sub(price, position.entryPrice);
  if (move == null || position.quantity == null) return position;
  const raw = mul(move, position.quantity);
  const signed = position.side === 'SHORT' ? mul(raw, '-1') : raw;
  const pnl = roundHalfEven(signed, 2);
  // The API takes the percentage of the rounded P&L, so this does too.
  const pct = div(mul(pnl, '100'), abs(mul(position.quantity, position.entryPrice)), 2);
  return {
    ...position,
    currentPrice: String(price),
    marketValue: roundHalfEven(mul(position.quantity, price), 2),
    unrealizedPnl: pnl,
    unrealizedPnlPct: pct ?? '0.00',
  };
}

/** The open positions with the latest pushed prices applied; `marks` maps symbol → price string. */
export function markAll(positions = [], marks = {}) {
  return positions.map(p => (marks[p.symbol] == null ? p : markToPrice(p, marks[p.symbol])));
}
