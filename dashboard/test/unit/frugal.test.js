import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBudget, createCoalescer, sendWithin, retryAfterSeconds, pauseNote } from '../../src/frugal.js';

/** A clock and timers the test moves by hand. */
function fakeTime() {
  let t = 0;
  let timers = [];
  let next = 1;
  const flush = async () => { for (let i = 0; i < 5; i++) await Promise.resolve(); };
  return {
    now: () => t,
    setTimer: (fn, ms) => { const id = next++; timers.push({ id, at: t + Math.max(0, ms), fn }); return id; },
    clearTimer: id => { timers = timers.filter(x => x.id !== id); },
    async advance(ms) {
      const end = t + ms;
      for (;;) {
        await flush();
        const due = timers.filter(x => x.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter(x => x !== due);
        t = due.at;
        due.fn();
      }
      t = end;
      await flush();
    },
  };
}

const headers = map => ({ get: name => map[name] ?? null });
const limits = (limit, remaining, reset) =>
  headers({ 'X-RateLimit-Limit': String(limit), 'X-RateLimit-Remaining': String(remaining), 'X-RateLimit-Reset': String(reset) });

test('a burst of requests for one resource makes one refetch, and later ones come no sooner than the spacing', async () => {
  const time = fakeTime();
  const c = createCoalescer({ ...time, spacingMs: () => 2000 });
  const starts = [];
  const run = () => starts.push(time.now());
  for (let i = 0; i < 10; i++) c.request('books', run, { delayMs: 15 });
  await time.advance(100);
  assert.deepEqual(starts, [15], 'ten updates, one GET');

  c.request('books', run, { delayMs: 15 });
  c.request('books', run, { delayMs: 15 });
  await time.advance(5000);
  assert.deepEqual(starts, [15, 2015], 'the trailing refetch waits for the spacing, then fetches the latest state once');
});

test('never two refetches of one resource in flight: a request during one runs once after it', async () => {
  const time = fakeTime();
  const c = createCoalescer({ ...time, spacingMs: () => 2000 });
  let inFlight = 0;
  let most = 0;
  let finish;
  const starts = [];
  const run = () => {
    starts.push(time.now());
    inFlight++;
    most = Math.max(most, inFlight);
    return new Promise(resolve => (finish = () => { inFlight--; resolve(); }));
  };
  c.request('dashboard', run);
  await time.advance(0);
  await time.advance(3000); // a slow answer: still in flight after the spacing
  c.request('dashboard', run);
  c.request('dashboard', run);
  await time.advance(3000);
  assert.deepEqual(starts, [0], 'nothing new starts while the first is unanswered');
  finish();
  await time.advance(10);
  assert.deepEqual(starts, [0, 6000], 'one run for both requests, right after the answer');
  finish();
  assert.equal(most, 1);
});

test('resources are spaced independently, and a failing refetch does not stop the next', async () => {
  const time = fakeTime();
  const c = createCoalescer({ ...time, spacingMs: () => 2000 });
  const log = [];
  c.request('books', () => { log.push(['books', time.now()]); throw new Error('offline'); });
  c.request('curve', () => log.push(['curve', time.now()]));
  await time.advance(10);
  c.request('books', () => log.push(['books', time.now()]));
  await time.advance(3000);
  assert.deepEqual(log, [['books', 0], ['curve', 0], ['books', 2000]]);
});

test('a low budget holds refetches until the limit resets; signing out drops what is scheduled', async () => {
  const time = fakeTime();
  const budget = createBudget({ now: time.now });
  const c = createCoalescer({ ...time, spacingMs: budget.spacingMs, deferMs: budget.deferMs });
  const starts = [];
  budget.observe(limits(10, 2, 40));
  c.request('books', () => starts.push(time.now()));
  await time.advance(39_000);
  assert.deepEqual(starts, [], '2 of 10 left: kept for what the trader clicks');
  await time.advance(2000);
  assert.deepEqual(starts, [40_000]);

  c.request('books', () => starts.push(time.now()));
  c.cancelAll();
  await time.advance(120_000);
  assert.deepEqual(starts, [40_000]);
});

test('the budget: spacing shares the minute by plan, defers only when few calls are left, and a 429 pauses it', () => {
  let t = 0;
  const budget = createBudget({ now: () => t });
  assert.equal(budget.spacingMs(), 2000, 'no answer yet: the floor');
  assert.equal(budget.deferMs(), 0);
  budget.observe(limits(10, 9, 6));
  assert.equal(budget.spacingMs(), 18_000, 'free: three resources in ten calls a minute');
  assert.equal(budget.deferMs(), 0);
  budget.observe(limits(100, 21, 12));
  assert.equal(budget.spacingMs(), 2000, 'pro: the floor');
  assert.equal(budget.deferMs(), 0, '21 of 100 is not low');
  budget.observe(limits(100, 20, 12));
  assert.equal(budget.deferMs(), 12_000, 'a fifth left: wait for the reset');
  t = 12_000;
  assert.equal(budget.deferMs(), 0, 'reset passed');
  budget.observe(headers({ 'X-RateLimit-Limit': '30' }));
  assert.equal(budget.spacingMs(), 6000, 'a limit without counts (the limiter could not count) still sets the pace');
  budget.pause(7);
  assert.equal(budget.deferMs(), 7000);
  budget.observe(headers({ 'X-RateLimit-Remaining': 'lots', 'X-RateLimit-Reset': '-3' }));
  assert.equal(budget.deferMs(), 7000, 'unreadable headers change nothing');
});

test('Retry-After in seconds or as a date, never below a second; absent means a minute', () => {
  assert.equal(retryAfterSeconds('12'), 12);
  assert.equal(retryAfterSeconds('0'), 1);
  assert.equal(retryAfterSeconds('Wed, 16 Jun 2031 12:00:30 GMT', Date.parse('2031-06-16T12:00:00Z')), 30);
  assert.equal(retryAfterSeconds(null), 60);
  assert.equal(retryAfterSeconds('soon'), 60);
});

/** A fetch that answers from a script of statuses and counts its calls. */
function fakeFetch(...answers) {
  const send = async () => {
    const [status, h = {}] = answers[Math.min(send.calls++, answers.length - 1)];
    return { status, headers: headers(h) };
  };
  send.calls = 0;
  return send;
}

test('a refused read waits Retry-After, says so calmly, and is sent once more', async () => {
  let t = 0;
  const budget = createBudget({ now: () => t });
  const slept = [];
  const notes = [];
  const send = fakeFetch([429, { 'Retry-After': '7', 'X-RateLimit-Limit': '10', 'X-RateLimit-Remaining': '0' }],
    [200, { 'X-RateLimit-Limit': '10', 'X-RateLimit-Remaining': '9', 'X-RateLimit-Reset': '6' }]);
  const res = await sendWithin(budget, send, {
    sleep: async ms => { slept.push(ms); t += ms; },
    onPause: s => notes.push(pauseNote(s)),
    now: () => t,
  });
  assert.equal(res.status, 200);
  assert.equal(send.calls, 2);
  assert.deepEqual(slept, [7000]);
  assert.deepEqual(notes, ["Updates paused for 7 s: your plan's API limit"]);
  assert.equal(budget.spacingMs(), 18_000, 'the answers were read into the budget');
});

test('a read refused twice is not sent a third time, and the budget holds refetches back', async () => {
  let t = 0;
  const budget = createBudget({ now: () => t });
  const send = fakeFetch([429, { 'Retry-After': '5' }], [429, { 'Retry-After': '20' }]);
  const notes = [];
  const res = await sendWithin(budget, send, { sleep: async ms => { t += ms; }, onPause: s => notes.push(s), now: () => t });
  assert.equal(res.status, 429);
  assert.equal(send.calls, 2);
  assert.deepEqual(notes, [5, 20]);
  assert.equal(budget.deferMs(), 20_000);
});

test('a refused write is not repeated: the trader decides', async () => {
  const budget = createBudget({ now: () => 0 });
  const send = fakeFetch([429, { 'Retry-After': '9' }], [200]);
  const res = await sendWithin(budget, send, { method: 'POST', sleep: async () => assert.fail('no wait'), now: () => 0 });
  assert.equal(res.status, 429);
  assert.equal(send.calls, 1);
  assert.equal(budget.deferMs(), 9000, 'refetches still wait it out');
});

/**
 * A free trader's overview under a fill every `everyMs` (each closing a trade) for `minutes`, against the platform's
 * token bucket (10, refilled one every 6 s): calls made and refused, per minute.
 */
async function simulateFreeOverview({ minutes, everyMs }) {
  const time = fakeTime();
  const budget = createBudget({ now: time.now });
  const c = createCoalescer({ ...time, spacingMs: budget.spacingMs, deferMs: budget.deferMs });
  let tokens = 10;
  let refilled = 0;
  const perMinute = Array.from({ length: minutes }, () => ({ calls: 0, refused: 0 }));
  const call = () => {
    const gained = Math.floor((time.now() - refilled) / 6000);
    if (gained) { tokens = Math.min(10, tokens + gained); refilled += gained * 6000; }
    const minute = perMinute[Math.floor(time.now() / 60_000)];
    if (tokens === 0) { minute.refused++; budget.pause(6); return; }
    tokens--;
    minute.calls++;
    budget.observe(limits(10, tokens, (10 - tokens) * 6));
  };
  call(); // the first load: the dashboard
  call(); // and the 30-day curve
  for (let t = everyMs; t < minutes * 60_000; t += everyMs) {
    await time.advance(everyMs);
    c.request('books', call, { delayMs: 15 }); // the fill's burst: dashboard (and the open list) refetch
    c.request('curve', call, { delayMs: 15 }); // it closed a trade: the curve too
  }
  await time.advance(everyMs);
  return perMinute;
}

test('an idle overview makes its two first calls and no more: the WebSocket keeps it current', async () => {
  const [first, second] = await simulateFreeOverview({ minutes: 2, everyMs: 3_600_000 });
  assert.deepEqual([first.calls, second.calls], [2, 0]);
});

test('an active free-tier overview, a closing fill every second, stays within 10 calls a minute and is never refused', async () => {
  const minutes = await simulateFreeOverview({ minutes: 3, everyMs: 1000 });
  console.log(`active free-tier overview, calls per minute: ${minutes.map(m => m.calls).join(', ')}`);
  for (const m of minutes) {
    assert.ok(m.calls <= 10, `${m.calls} calls in a minute`);
    assert.ok(m.calls >= 4, `${m.calls} calls: the page still follows the fills`);
    assert.equal(m.refused, 0);
  }
});
