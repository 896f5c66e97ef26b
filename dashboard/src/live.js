import { signal } from '@preact/signals';

/** 'connecting' | 'live' | 'offline': shown by the connection indicator. */
export const connection = signal('offline');
/** When the last live update arrived (ms since epoch, the browser's clock), for the indicator's title. */
export const lastUpdate = signal(null);

const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;

/**
 * Where the live WebSocket is: `wsUrl` from /config.json in AWS (API Gateway serves it on its own host), else `/ws` on
 * this page's host (the local gateway serves it beside the app).
 */
export function liveUrl(config, location = window.location) {
  if (config.wsUrl) return config.wsUrl;
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

/** True when a message numbered `seq` does not follow `lastSeq`: something was missed, so the views refetch. */
export function isSeqGap(lastSeq, seq) {
  return lastSeq !== null && typeof seq === 'number' && seq !== lastSeq + 1;
}

/** The wait before reconnect attempt `attempt` (0-based): doubling from 0.5 s to 30 s, half of it random (jitter). */
export function backoffMs(attempt, random = Math.random) {
  const delay = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** attempt);
  return delay / 2 + random() * (delay / 2);
}

/**
 * Sorts a message's updates: market prices (`price` events, and `pnl.changed` marks that carry only an unrealized
 * figure) are applied in place as `prices` (symbol → price); pushed orders are merged in place too (`orders`: only
 * the orders list refetches, for the source and explanation a push does not carry); anything else (a fill, a
 * position opened or closed, the bot paused) means the books `refetch`, and `closed` says a trade closed (a realized
 * P&L), the only thing that moves the equity curve. `rows`: the message carries rows the lists merge.
 */
export function sortUpdates(updates) {
  const prices = {};
  let refetch = false;
  let closed = false;
  let orders = false;
  for (const u of updates) {
    if (u?.event === 'price' && u.data?.symbol && u.data.price != null) prices[u.data.symbol] = String(u.data.price);
    else if (u?.event === 'pnl.changed' && u.data?.markPrice != null && u.data.realizedPnl == null) {
      prices[u.data.symbol] = String(u.data.markPrice);
    } else if (u?.channel === 'orders' && u.data?.orderId) {
      orders = true; // merged by mergePushed; a fill's trade and position events in the same burst refetch the books
    } else {
      refetch = true;
      if (u?.event === 'position.closed' || u?.data?.realizedPnl != null) closed = true;
    }
  }
  return { prices, refetch, closed, orders, rows: orders || refetch };
}

/**
 * Keeps one WebSocket open for the signed-in trader: offers `nija.v1` beside the token (browsers cannot send an
 * Authorization header on a WebSocket), subscribes to the channels `channels()` names, hands every update to
 * `onUpdates`, and calls `onGap` when `seq` skips (a missed message) or after a reconnect, so the views refetch.
 * Reconnects with exponential backoff and jitter. Returns a function that closes it for good.
 */
export function connectLive({ url, token, channels, onUpdates, onGap }) {
  let socket = null;
  let lastSeq = null;
  let attempt = 0;
  let timer = null;
  let stopped = false;

  const open = () => {
    connection.value = 'connecting';
    socket = new WebSocket(url, ['nija.v1', token]);
    socket.onopen = () => {
      const reconnected = attempt > 0;
      attempt = 0;
      lastSeq = null; // a new connection numbers its messages afresh
      connection.value = 'live';
      subscribe(channels());
      if (reconnected) onGap();
    };
    socket.onmessage = event => {
      if (typeof event.data !== 'string') return;
      let msg;
      try {
        msg = JSON.parse(event.data);
      } catch {
        return;
      }
      if (msg.type !== 'updates') return;
      if (isSeqGap(lastSeq, msg.seq)) onGap();
      if (typeof msg.seq === 'number') lastSeq = msg.seq;
      lastUpdate.value = Date.now();
      onUpdates(msg.updates || []);
    };
    socket.onclose = () => {
      socket = null;
      if (stopped) return;
      connection.value = 'offline';
      timer = setTimeout(open, backoffMs(attempt++));
    };
  };

  const subscribe = list => {
    if (socket?.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ action: 'subscribe', channels: list, format: 'json' }));
    }
  };

  open();
  return {
    resubscribe: () => subscribe(channels()),
    close() {
      stopped = true;
      clearTimeout(timer);
      socket?.close(1000);
      connection.value = 'offline';
    },
  };
}

/**
 * `list` with the records pushed on `channel` merged in by `key`, newest first: a known record takes the pushed
 * fields over its own (a push carries the new state, the list may carry fields a push does not), a new one goes
 * on top when `accept` takes it, and `drop` removes one (a position's close). `events` limits which events count.
 */
export function mergePushed(list, updates, { channel, key, events = null, accept = () => true, drop = () => false }) {
  let out = list;
  for (const u of updates) {
    if (u?.channel !== channel || !u.data?.[key] || (events && !events.includes(u.event))) continue;
    const i = out.findIndex(r => r[key] === u.data[key]);
    if (drop(u)) {
      if (i >= 0) out = out.filter((_, j) => j !== i);
    } else if (i >= 0) {
      out = out.map((r, j) => (j === i ? { ...r, ...u.data } : r));
    } else if (accept(u.data, u)) {
      out = [u.data, ...out];
    }
  }
  return out;
}
