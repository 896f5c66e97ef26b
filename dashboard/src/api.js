import { signal } from '@preact/signals';
import { token, signOut } from './auth.js';
import { createBudget, sendWithin, pauseNote } from './frugal.js';

/** The trader's standing against their plan's API limit, read from every answer. */
export const budget = createBudget();
/** The calm note shown while a 429 holds updates back (null otherwise). */
export const rateNote = signal(null);

/** A problem+json answer (or any non-2xx), with the field errors the API names. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
  /** field → message, from the problem's `errors`. */
  get fieldErrors() {
    return Object.fromEntries((this.problem.errors || []).map(e => [e.field, e.message]));
  }
}

/**
 * Calls the API with the signed-in token; resolves to { body, etag }. A 401 signs out. A read refused by the plan's
 * limit (429) is retried once after `Retry-After`, with a note instead of an error meanwhile.
 */
export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  const send = () => fetch(path, {
    method,
    headers: {
      Accept: 'application/json',
      Authorization: `Bearer ${token.value}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let paused = false;
  const res = await sendWithin(budget, send, {
    method,
    sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
    onPause: seconds => {
      paused = true;
      rateNote.value = pauseNote(seconds);
    },
  });
  // Only the paused read's own retry lifts the note: another read answered meanwhile says nothing about the limit.
  if (paused && res.status !== 429) rateNote.value = null;
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { detail: text };
  }
  if (res.status === 401) signOut();
  // Refused twice by the plan's limit: whoever shows the failure shows the calm note, not the API's wording.
  if (res.status === 429) throw new ApiError(429, { ...json, detail: rateNote.value });
  if (!res.ok) throw new ApiError(res.status, json);
  return { body: json, etag: res.headers.get('ETag') };
}

export const get = path => api(path).then(r => r.body);
