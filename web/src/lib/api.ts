// The typed API client. Request and response shapes come from the types generated from
// api/openapi.yaml (`npm run gen`), so a contract change that breaks the UI fails `tsc`.
//
// Session model: the server keeps the session in an HttpOnly cookie; this module keeps the CSRF
// token (from login or GET /api/v1/me) in memory and sends it on every non-GET request. The
// organization the user works in is kept per tab and sent as `X-Aims-Org` (see storedOrg).
import type { components, paths } from './api-types';
import { toProblem, problemMessage, type Problem } from './problem';
import { buildQuery, fillPath, type QueryValue } from './query';

export type Schemas = components['schemas'];

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** API paths that answer the given method. */
export type PathsWith<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never;
}[keyof paths];

type Op<P extends keyof paths, M extends Method> = paths[P][M];
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type PathParamsOf<O> = O extends { parameters: { path: infer X } } ? X : never;
type JsonBodyOf<O> = O extends { requestBody: { content: { 'application/json': infer B } } }
  ? B
  : O extends { requestBody?: { content: { 'application/json': infer B } } }
    ? B
    : never;
type Json<R> = R extends { content: { 'application/json': infer J } } ? J : undefined;
type SuccessOf<O> = O extends { responses: infer R }
  ? R extends { 200: infer Ok }
    ? Json<Ok>
    : R extends { 201: infer Created }
      ? Json<Created>
      : undefined
  : never;

export interface CallOptions<O> {
  path?: PathParamsOf<O>;
  query?: QueryOf<O>;
  /** A JSON body (serialized here) or a raw string body sent with `contentType`. */
  body?: JsonBodyOf<O> | string | Blob;
  contentType?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Do not treat 401 as "session ended" (used by the login form itself). */
  noAuthRedirect?: boolean;
}

export interface ApiResult<T> {
  data: T;
  /** The ETag header, when the server sent one (the version to send back as If-Match). */
  etag: string | null;
  status: number;
}

/** A body answered under a name of the caller's (e.g. `{ risk, etag }`) with the ETag that guards its next change. */
export type WithEtag<K extends string, T> = { [k in K]: T } & { etag: string | null };

/** Awaits a call and answers its body under `key` with its ETag. */
export async function versioned<K extends string, T>(key: K, call: Promise<ApiResult<T>>): Promise<WithEtag<K, T>> {
  const { data, etag } = await call;
  return { [key]: data, etag } as WithEtag<K, T>;
}

/** The JSON body an operation takes, and the one it answers. */
export type BodyOf<P extends keyof paths, M extends Method> = JsonBodyOf<Op<P, M>>;
export type AnswerOf<P extends keyof paths, M extends Method> = SuccessOf<Op<P, M>>;

/**
 * The calls of a record family whose `collection` path creates and whose `one` path ({id}) reads
 * and changes a record: get and update answer the record under `key` with its ETag, update sends
 * the ETag back as If-Match.
 */
export function recordCalls<K extends string, C extends PathsWith<'post'>, O extends PathsWith<'get'> & PathsWith<'patch'>>(key: K, collection: C, one: O) {
  return {
    get: (id: string, signal?: AbortSignal) => versioned(key, api('get', one, { path: { id }, signal } as never)),
    create: async (input: BodyOf<C, 'post'>) => (await api('post', collection, { body: input } as never)).data,
    update: (id: string, patch: BodyOf<O, 'patch'>, etag: string) =>
      versioned(key, api('patch', one, { path: { id }, body: patch, headers: { 'If-Match': etag } } as never)),
  };
}

/** The reader of a record's change history (`one` is its `…/{id}/history` path): 50 entries a page, newest first. */
export function historyCall<P extends PathsWith<'get'>>(path: P) {
  return async (id: string, cursor: string | undefined, signal?: AbortSignal): Promise<AnswerOf<P, 'get'>> =>
    (await api('get', path, { path: { id }, query: { cursor, limit: 50 }, signal } as never)).data as AnswerOf<P, 'get'>;
}

/** A failed API call, carrying the server's RFC 9457 problem. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problemMessage(problem));
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}

const ORG_KEY = 'aims.org';
let csrfToken: string | null = null;
/** This tab's organization; undefined until first read from storage. */
let currentOrg: string | null | undefined;
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

/** Called when any call answers 401: the session is gone, so the app shows the login page. */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

function readOrg(storage: () => Storage): string | null {
  try {
    return storage().getItem(ORG_KEY);
  } catch {
    return null;
  }
}

function writeOrg(storage: () => Storage, id: string | null): void {
  try {
    if (id) storage().setItem(ORG_KEY, id);
    else storage().removeItem(ORG_KEY);
  } catch {
    // Storage may be disabled; the choice then lasts until the page is left.
  }
}

/**
 * The organization this tab works in. Each tab keeps its own, so a switch in one tab never sends
 * another tab's requests (and writes) to an organization it does not show. sessionStorage carries
 * the choice over a reload of the tab; a new tab starts from the last choice made in any tab
 * (localStorage). Null: the server uses the user's first membership.
 */
export function storedOrg(): string | null {
  if (currentOrg === undefined) currentOrg = readOrg(() => sessionStorage) ?? readOrg(() => localStorage);
  return currentOrg;
}

export function storeOrg(id: string | null): void {
  currentOrg = id;
  writeOrg(() => sessionStorage, id);
  writeOrg(() => localStorage, id);
}

/** The headers every call carries: Accept, the organization and, on writes, the CSRF token. */
export function baseHeaders(method: string): Record<string, string> {
  const h: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const org = storedOrg();
  if (org) h['X-Aims-Org'] = org;
  if (method !== 'GET' && csrfToken) h['X-CSRF-Token'] = csrfToken;
  return h;
}

async function send(method: string, url: string, init: RequestInit, noAuthRedirect: boolean | undefined): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, method, credentials: 'same-origin' });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ type: 'about:blank', title: 'The server could not be reached', status: 0 });
  }
  if (!res.ok) {
    const problem = toProblem(res.status, res.statusText, await res.text().catch(() => ''), res.headers.get('content-type'));
    if (res.status === 401 && !noAuthRedirect) unauthorizedHandler?.();
    throw new ApiError(problem);
  }
  return res;
}

/** Calls one API operation; resolves with the typed JSON body, rejects with an ApiError. */
export async function api<M extends Method, P extends PathsWith<M>>(
  method: M,
  path: P,
  opts: CallOptions<Op<P, M>> = {},
): Promise<ApiResult<SuccessOf<Op<P, M>>>> {
  const url = fillPath(path, opts.path as Record<string, string> | undefined) + buildQuery(opts.query as Record<string, QueryValue> | undefined);
  return call(method, url, opts as SendOptions) as Promise<ApiResult<SuccessOf<Op<P, M>>>>;
}

/** Options of an untyped call: the URL's query and a JSON body. */
export interface UntypedCallOptions {
  query?: Record<string, QueryValue>;
  body?: object;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * Calls an API path the generated types do not name (the paths of record kinds served from their
 * schema, GET /api/v1/kinds); the caller states the type of the answer.
 */
export async function apiUntyped<T>(method: Method, url: string, opts: UntypedCallOptions = {}): Promise<ApiResult<T>> {
  return call(method, url + buildQuery(opts.query), opts) as Promise<ApiResult<T>>;
}

/** What `call` reads of either kind of options. */
interface SendOptions {
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  noAuthRedirect?: boolean;
}

async function call(method: Method, url: string, opts: SendOptions): Promise<ApiResult<unknown>> {
  const verb = method.toUpperCase();
  const headers = { ...baseHeaders(verb), ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body !== undefined) {
    if (typeof opts.body === 'string' || opts.body instanceof Blob) {
      body = opts.body;
      headers['Content-Type'] = opts.contentType ?? 'text/plain';
    } else {
      body = JSON.stringify(opts.body);
      headers['Content-Type'] = 'application/json';
    }
  }
  const res = await send(verb, url, { headers, body, signal: opts.signal }, opts.noAuthRedirect);
  const text = res.status === 204 ? '' : await res.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  return { data, etag: res.headers.get('etag'), status: res.status };
}

/** Fetches a GET endpoint's body as a file (with the session's headers): its bytes and its name. */
export async function fetchFile<P extends PathsWith<'get'>>(
  path: P,
  query: QueryOf<Op<P, 'get'>> | undefined,
  pathParams?: PathParamsOf<Op<P, 'get'>>,
): Promise<{ blob: Blob; name: string | null }> {
  const url = fillPath(path, pathParams as Record<string, string> | undefined) + buildQuery(query as Record<string, QueryValue> | undefined);
  const headers = baseHeaders('GET');
  headers.Accept = '*/*';
  const res = await send('GET', url, { headers }, false);
  return { blob: await res.blob(), name: filenameFrom(res.headers.get('content-disposition')) };
}

/** Downloads a GET endpoint's body (e.g. a CSV export) and hands it to the browser as a file. */
export async function downloadFile<P extends PathsWith<'get'>>(
  path: P,
  query: QueryOf<Op<P, 'get'>> | undefined,
  fallbackName: string,
  pathParams?: PathParamsOf<Op<P, 'get'>>,
): Promise<void> {
  const { blob, name } = await fetchFile(path, query, pathParams);
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name ?? fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** The file name of a Content-Disposition header, if it names one. */
export function filenameFrom(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  if (!plain) return null;
  return (plain[2] ?? plain[1]).trim() || null;
}

/** The message to show for any error thrown by a call. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
