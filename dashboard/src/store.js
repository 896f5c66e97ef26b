import { signal } from '@preact/signals';
import { get } from './api.js';
import { sortUpdates } from './live.js';

// What the overview shows, refetched from the API whenever a live update says it changed.
export const dashboard = signal(null);
export const loadError = signal(null);
/** Bumped when live updates say the trader's books changed, so every view (positions, orders, trades) reloads. */
export const revision = signal(0);
/** symbol → latest pushed price (a decimal string): open positions are marked to it between refetches. */
export const marks = signal({});
/** The latest pushed updates that changed the books: lists show a pushed order or position before their refetch. */
export const pushed = signal([]);

let pending = null;

export async function refreshDashboard() {
  try {
    const fresh = await get('/api/v1/dashboard');
    marks.value = {}; // the refetch valued the positions at prices at least as new
    dashboard.value = fresh;
    loadError.value = null;
  } catch (e) {
    loadError.value = e.message;
  }
}

/** Coalesces a burst of updates (a fill brings order, trade, position and P&L events) into one refetch. */
export function scheduleRefresh(delayMs = 15) {
  if (pending) return;
  pending = setTimeout(() => {
    pending = null;
    revision.value++; // views fetching their own lists start now, beside the dashboard's refetch
    refreshDashboard();
  }, delayMs);
}

/** Applies one pushed message: prices mark positions in place; anything else refetches. */
export function applyUpdates(updates) {
  const { prices, refetch } = sortUpdates(updates);
  // Kept only for messages that change the books: a price between a fill and its refetch must not hide the fill.
  if (refetch) pushed.value = updates;
  if (Object.keys(prices).length) marks.value = { ...marks.value, ...prices };
  if (refetch) scheduleRefresh();
}

/** The channels to follow: the trader's events and the prices of what they hold. */
export function liveChannels() {
  const held = new Set((dashboard.value?.positions || []).map(p => p.symbol));
  return ['positions', 'orders', 'trades', ...[...held].map(s => `prices:${s}`)];
}
