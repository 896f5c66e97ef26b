import { signal } from '@preact/signals';
import { get } from './api.js';

// What the overview shows, refetched from the API whenever a live update says it changed.
export const dashboard = signal(null);
export const loadError = signal(null);
/** Bumped on every refetch so other views (trades, orders) can reload what they show. */
export const revision = signal(0);

let pending = null;

export async function refreshDashboard() {
  try {
    dashboard.value = await get('/api/v1/dashboard');
    loadError.value = null;
    revision.value++;
  } catch (e) {
    loadError.value = e.message;
  }
}

/** Coalesces a burst of updates (a fill brings order, trade, position and P&L events) into one refetch. */
export function scheduleRefresh(delayMs = 30) {
  if (pending) return;
  pending = setTimeout(() => {
    pending = null;
    refreshDashboard();
  }, delayMs);
}

/** The channels to follow: the trader's events and the prices of what they hold. */
export function liveChannels() {
  const held = new Set((dashboard.value?.positions || []).map(p => p.symbol));
  return ['positions', 'orders', 'trades', ...[...held].map(s => `prices:${s}`)];
}
