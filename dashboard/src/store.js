// @ts-check
import { signal } from '@preact/signals';
import { client, bodyOf, budget } from './api.js';
import { sortUpdates } from './live.js';
import { createCoalescer } from './frugal.js';

// What the overview shows, refetched from the API whenever a live update says it changed.
export const dashboard = signal(null);
export const loadError = signal(null);
/** Bumped when live updates say the trader's books changed, so every view (positions, orders, trades) reloads. */
export const revision = signal(0);
/** Bumped when a trade closes: only then do equity curves (overview, performance) reload. */
export const closes = signal(0);
/** Bumped when pushed orders came: the orders list reloads for what a push does not carry (source, explanation). */
export const orderChanges = signal(0);
/** symbol → latest pushed price (a decimal string): open positions are marked to it between refetches. */
export const marks = signal({});
/** The latest pushed updates that changed the books: lists show a pushed order or position before their refetch. */
export const pushed = signal([]);

// One refetch of each resource in flight, spaced by the plan's limit and held back while the budget is low.
const refetches = createCoalescer({
  now: () => Date.now(),
  setTimer: setTimeout,
  clearTimer: clearTimeout,
  spacingMs: () => budget.spacingMs(),
  deferMs: () => budget.deferMs(),
});

export async function refreshDashboard() {
  try {
    const fresh = await bodyOf(client.GET('/api/v1/dashboard'));
    marks.value = {}; // the refetch valued the positions at prices at least as new
    dashboard.value = fresh;
    loadError.value = null;
  } catch (e) {
    // Limited by the plan: the last figures stay, the header's note says why; only a first load shows it here.
    if (e.status !== 429 || !dashboard.value) loadError.value = e.message;
  }
}

/** Coalesces bursts of updates (a fill brings order, trade, position and P&L events) into spaced refetches. */
export function scheduleRefresh(delayMs = 15, { books = true, closed = false, orders = false } = {}) {
  if (books) {
    refetches.request('books', () => {
      revision.value++; // views fetching their own lists start now, beside the dashboard's refetch
      return refreshDashboard();
    }, { delayMs });
  }
  if (closed) refetches.request('curve', () => closes.value++, { delayMs });
  if (orders) refetches.request('orders', () => orderChanges.value++, { delayMs });
}

/** Drops scheduled refetches (signing out). */
export const stopRefetches = () => refetches.cancelAll();

/**
 * Applies one pushed message: prices mark positions and pushed orders merge in place (only the orders list, when
 * shown, refetches for them); the rest refetches the books.
 */
export function applyUpdates(updates) {
  const { prices, refetch, closed, orders, rows } = sortUpdates(updates);
  // Kept only for messages that change the books: a price between a fill and its refetch must not hide the fill.
  if (rows) pushed.value = updates;
  if (Object.keys(prices).length) marks.value = { ...marks.value, ...prices };
  if (refetch || orders) scheduleRefresh(15, { books: refetch, closed, orders });
}

/** The channels to follow: the trader's events and the prices of what they hold. */
export function liveChannels() {
  const held = new Set((dashboard.value?.positions || []).map(p => p.symbol));
  return ['positions', 'orders', 'trades', ...[...held].map(s => `prices:${s}`)];
}
