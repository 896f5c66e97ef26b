import { token, signOut } from './auth.js';

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

/** Calls the API with the signed-in token; resolves to { body, etag }. A 401 signs out. */
export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  const res = await fetch(path, {
    method,
    headers: {
      Accept: 'application/json',
      Authorization: `Bearer ${token.value}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { detail: text };
  }
  if (res.status === 401) signOut();
  if (!res.ok) throw new ApiError(res.status, json);
  return { body: json, etag: res.headers.get('ETag') };
}

export const get = path => api(path).then(r => r.body);
