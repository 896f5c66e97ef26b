// Living within the trader's plan: every call counts against their tier's API calls per minute (free: 10), so the
// page refetches only what changed, no faster than the budget allows, and waits out a 429 instead of failing.

/** How many resources one burst of updates may refetch (dashboard, a list, the equity curve): they share the minute. */
const RESOURCES_PER_BURST = 3;
/** Never refetch one resource more often than this, whatever the plan. */
export const MIN_SPACING_MS = 2000;

const int = v => (v == null || v === '' || !/^\d+$/.test(String(v).trim()) ? null : Number(v));

/** The calm note shown while the plan's limit holds updates back. */
export const pauseNote = seconds => `Updates paused for ${seconds} s: your plan's API limit`;

/**
 * Where the trader stands against their plan's limit, from the `X-RateLimit-Limit/Remaining/Reset` headers of every
 * answer (Reset: seconds until the whole limit is back) and a 429's `Retry-After`. `now` is injected for tests.
 */
export function createBudget({ now = () => Date.now() } = {}) {
  let limit = null;
  let remaining = null;
  let resetAt = 0;
  let pausedUntil = 0;
  return {
    observe(headers) {
      const l = int(headers.get('X-RateLimit-Limit'));
      const r = int(headers.get('X-RateLimit-Remaining'));
      const s = int(headers.get('X-RateLimit-Reset'));
      if (l != null) limit = l;
      if (r != null) remaining = r;
      if (s != null) resetAt = now() + s * 1000;
    },
    pause(seconds) {
      pausedUntil = Math.max(pausedUntil, now() + seconds * 1000);
    },
    /**
     * How long a refetch nobody asked for should wait: until a 429's pause ends, and, when the calls left are few
     * (a fifth of the limit, at least 2), until the limit resets, so what the trader clicks still gets through.
     */
    deferMs() {
      const t = now();
      let wait = Math.max(0, pausedUntil - t);
      if (limit != null && remaining != null && remaining <= Math.max(2, Math.ceil(limit / 5)) && resetAt > t) {
        wait = Math.max(wait, resetAt - t);
      }
      return wait;
    },
    /** The least time between two refetches of one resource: a burst's share of the minute, at least 2 s. */
    spacingMs() {
      return limit ? Math.max(MIN_SPACING_MS, Math.ceil((60_000 * RESOURCES_PER_BURST) / limit)) : MIN_SPACING_MS;
    },
  };
}

/**
 * Refetches by resource key: a request while one runs asks for one more run after it (never two in flight), a
 * request while one is scheduled joins it, and runs of one key start at least `spacingMs()` apart and not before
 * `deferMs()` has passed (trailing: the last state of a burst is always fetched). Timers and clock are injected.
 */
export function createCoalescer({ now, setTimer, clearTimer, spacingMs = () => MIN_SPACING_MS, deferMs = () => 0 }) {
  const keys = new Map();

  const schedule = (s, delayMs) => {
    const t = now();
    const at = Math.max(t + delayMs, s.lastStart + spacingMs(), t + deferMs());
    s.timer = setTimer(() => start(s), at - t);
  };

  const start = async s => {
    s.timer = null;
    const wait = deferMs(); // the budget may have dropped since this was scheduled
    if (wait > 0) {
      s.timer = setTimer(() => start(s), wait);
      return;
    }
    s.running = true;
    s.lastStart = now();
    try {
      await s.run();
    } catch {
      // the run shows its own failure; the next request tries again
    } finally {
      s.running = false;
      if (s.again) {
        s.again = false;
        schedule(s, 0);
      }
    }
  };

  return {
    request(key, run, { delayMs = 0 } = {}) {
      let s = keys.get(key);
      if (!s) keys.set(key, (s = { running: false, again: false, timer: null, lastStart: -Infinity }));
      s.run = run;
      if (s.running) s.again = true;
      else if (!s.timer) schedule(s, delayMs);
    },
    cancelAll() {
      for (const s of keys.values()) {
        if (s.timer) clearTimer(s.timer);
        s.timer = null;
        s.again = false;
      }
    },
  };
}

/** `Retry-After` in whole seconds (at least 1), from seconds or an HTTP date; 60 when absent or unreadable. */
export function retryAfterSeconds(value, now = Date.now()) {
  const n = int(value);
  if (n != null) return Math.max(1, n);
  const at = Date.parse(value ?? '');
  return Number.isFinite(at) ? Math.max(1, Math.ceil((at - now) / 1000)) : 60;
}

/**
 * Sends a call through the budget: every answer's headers are read into it; a 429 pauses the budget and tells
 * `onPause(seconds)`; a refused GET then waits `Retry-After` and is sent once more. Only reads are repeated: a refused
 * write is shown to the trader, who decides. Resolves to the last response.
 * @param {{ observe: (headers: Headers) => void, pause: (seconds: number) => void }} budget
 * @param {() => Promise<Response>} send
 * @param {{ method?: string, sleep: (ms: number) => Promise<unknown>, onPause?: (seconds: number) => void,
 *   now?: () => number }} options
 */
export async function sendWithin(budget, send, { method = 'GET', sleep, onPause = () => {}, now = Date.now } = {}) {
  let res = await send();
  budget.observe(res.headers);
  if (res.status !== 429) return res;
  if (method !== 'GET') {
    pauseFor(budget, res, onPause, now);
    return res;
  }
  await sleep(pauseFor(budget, res, onPause, now) * 1000);
  res = await send();
  budget.observe(res.headers);
  if (res.status === 429) pauseFor(budget, res, onPause, now); // still refused: the next refetch waits it out
  return res;
}

function pauseFor(budget, res, onPause, now) {
  const seconds = retryAfterSeconds(res.headers.get('Retry-After'), now());
  budget.pause(seconds);
  onPause(seconds);
  return seconds;
}
