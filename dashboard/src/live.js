import { signal } from '@preact/signals';

/** 'connecting' | 'live' | 'offline': shown by the connection indicator. */
export const connection = signal('offline');
/** When the last live update arrived (ms since epoch, the browser's clock), for the indicator's title. */
export const lastUpdate = signal(null);

const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;

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
      if (lastSeq !== null && typeof msg.seq === 'number' && msg.seq !== lastSeq + 1) onGap();
      if (typeof msg.seq === 'number') lastSeq = msg.seq;
      lastUpdate.value = Date.now();
      onUpdates(msg.updates || []);
    };
    socket.onclose = () => {
      socket = null;
      if (stopped) return;
      connection.value = 'offline';
      const delay = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** attempt++);
      timer = setTimeout(open, delay / 2 + Math.random() * (delay / 2));
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
