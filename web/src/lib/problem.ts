// RFC 9457 problem documents as the server sends them, and the small helpers the forms need.
import type { components } from './api-types';

export type Problem = components['schemas']['Problem'];
export type ProblemError = NonNullable<Problem['errors']>[number];

/**
 * Turns any failed response into a Problem. A problem+json (or plain JSON problem) body is used as
 * it is; anything else (an HTML error page from a proxy, an empty body) becomes a minimal problem
 * built from the status line, so callers always have a `title` and a `status` to show.
 */
export function toProblem(status: number, statusText: string, bodyText: string, contentType: string | null): Problem {
  const fallback: Problem = {
    type: 'about:blank',
    title: statusText || defaultTitle(status),
    status,
  };
  const ct = (contentType ?? '').toLowerCase();
  if (!bodyText || !(ct.includes('json'))) return fallback;
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (!parsed || typeof parsed !== 'object') return fallback;
    const p = parsed as Record<string, unknown>;
    const problem: Problem = {
      type: typeof p.type === 'string' ? p.type : fallback.type,
      title: typeof p.title === 'string' ? p.title : fallback.title,
      status: typeof p.status === 'number' ? p.status : status,
    };
    if (typeof p.detail === 'string') problem.detail = p.detail;
    if (typeof p.instance === 'string') problem.instance = p.instance;
    if (Array.isArray(p.errors)) {
      problem.errors = p.errors
        .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
        .map((e) => {
          const out: ProblemError = { message: typeof e.message === 'string' ? e.message : 'Invalid value' };
          if (typeof e.field === 'string') out.field = e.field;
          if (typeof e.row === 'number') out.row = e.row;
          return out;
        });
    }
    return problem;
  } catch {
    return fallback;
  }
}

function defaultTitle(status: number): string {
  if (status === 0) return 'The server could not be reached';
  if (status >= 500) return 'Server error';
  return `Request failed (${status})`;
}

/** The sentence to show a person: the detail when the server gave one, else the title. */
export function problemMessage(p: Problem): string {
  return p.detail && p.detail.trim() ? p.detail : p.title;
}

/**
 * The top-level form field an error names. Servers name fields as `name`, `/name` (JSON pointer),
 * `data_sources[2]`, `data_sources/2` or `data_sources.2`; all of these belong to the `name` or
 * `data_sources` input.
 */
export function fieldKey(field: string): string {
  const trimmed = field.replace(/^[#/]+/, '');
  const m = /^[^./[\]]+/.exec(trimmed);
  return m ? m[0] : trimmed;
}

/** Field errors keyed by top-level field; several messages for one field are joined. */
export function fieldErrors(p: Problem | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of p?.errors ?? []) {
    if (!e.field || e.row !== undefined) continue;
    const key = fieldKey(e.field);
    out[key] = out[key] ? `${out[key]} ${e.message}` : e.message;
  }
  return out;
}

/** Row-level errors (CSV import), ordered by row then field. */
export function rowErrors(p: Problem | null | undefined): ProblemError[] {
  return (p?.errors ?? [])
    .filter((e) => e.row !== undefined)
    .slice()
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.field ?? '').localeCompare(b.field ?? ''));
}
