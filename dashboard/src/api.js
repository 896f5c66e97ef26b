// @ts-check
import { signal } from '@preact/signals';
import createClient from 'openapi-fetch';
import { token, signOut } from './auth.js';
import { createBudget, sendWithin, pauseNote } from './frugal.js';

/** @typedef {import('./api-types').paths} Paths */
/** @typedef {import('./api-types').operations} Operations */
/** @typedef {Paths['/api/v1/brokers/{venue}']['parameters']['path']['venue']} Venue a venue's id, as listed */
/** @typedef {NonNullable<Operations['getPerformance']['parameters']['query']>['period']} Period a report period */
/** @typedef {Operations['putSettings']['requestBody']['content']['application/json']} SettingsInput PUT settings */

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
 * The API, typed by the contract: `api-types.d.ts` is generated from docs/api/openapi.yaml at every build
 * (openapi-typescript) and `tsc --checkJs` holds this module and its callers to it, so a path, parameter, body or
 * response field the document drops fails the dashboard's build. openapi-fetch builds each request from the path
 * template and its parameters; `send` adds the token and keeps within the plan's API limit.
 * @type {import('openapi-fetch').Client<import('./api-types').paths>}
 */
export const client = createClient({ fetch: send });

/**
 * Sends with the signed-in token; a read refused by the plan's limit (429) is retried once after `Retry-After`,
 * with a note instead of an error meanwhile.
 * @param {Request} request
 */
async function send(request) {
  request.headers.set('Accept', 'application/json');
  request.headers.set('Authorization', `Bearer ${token.value}`);
  let paused = false;
  const res = await sendWithin(budget, () => fetch(request.clone()), {
    method: request.method,
    sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
    onPause: seconds => {
      paused = true;
      rateNote.value = pauseNote(seconds);
    },
  });
  // Only the paused read's own retry lifts the note: another read answered meanwhile says nothing about the limit.
  if (paused && res.status !== 429) rateNote.value = null;
  return res;
}

/**
 * A call's answer: resolves to { body, etag }; a non-2xx throws an ApiError with the problem. A 401 signs out.
 * @template T
 * @param {Promise<{ data?: T, error?: unknown, response: Response }>} call
 * @returns {Promise<{ body: T, etag: string | null }>}
 */
export async function answer(call) {
  const { data, error, response } = await call;
  const problem = typeof error === 'string' ? { detail: error } : /** @type {any} */ (error);
  if (response.status === 401) signOut();
  // Refused twice by the plan's limit: whoever shows the failure shows the calm note, not the API's wording.
  if (response.status === 429) throw new ApiError(429, { ...problem, detail: rateNote.value });
  if (!response.ok) throw new ApiError(response.status, problem);
  return { body: data, etag: response.headers.get('ETag') };
}

/**
 * A call's body (see answer).
 * @template T
 * @param {Promise<{ data?: T, error?: unknown, response: Response }>} call
 * @returns {Promise<T>}
 */
export const bodyOf = call => answer(call).then(r => r.body);
