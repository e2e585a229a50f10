/** The one way the web app talks to the server: JSON, the session cookie, and the CSRF token on every write. */

import type { ErrorParams, FieldError } from '../../../core/shared/error-codes.ts';

export type { FieldError };

/** A refused request, carrying the problem+json details so a form can show each error beside its field. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldError[];
  /** The code's data (core/shared/error-codes.ts): what its translation fills in. */
  readonly params: ErrorParams;
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    const detail = typeof body.detail === 'string' ? body.detail : typeof body.title === 'string' ? body.title : `HTTP ${status}`;
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail;
    this.code = typeof body.code === 'string' ? body.code : 'UNKNOWN';
    this.errors = Array.isArray(body.errors) ? (body.errors as FieldError[]) : [];
    this.params = typeof body.params === 'object' && body.params !== null ? (body.params as ErrorParams) : {};
    this.body = body;
  }
}

let csrfToken: string | null = null;

/** Set from the login answer or GET /api/auth/me; cleared on logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Body = Record<string, unknown> | unknown[] | FormData | undefined;

async function request<T>(method: string, url: string, body?: Body): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) throw new ApiError(response.status, isObject(parsed) ? parsed : { detail: text || response.statusText });
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body?: Body) => request<T>('POST', url, body ?? {}),
  put: <T>(url: string, body: Body) => request<T>('PUT', url, body),
  patch: <T>(url: string, body: Body) => request<T>('PATCH', url, body),
  delete: (url: string) => request<void>('DELETE', url),
};

/** Builds a query string from the set values only, so empty filters are not sent. */
export function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}
