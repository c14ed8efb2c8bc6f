// The AIMS scope (clause 4.3): one versioned record per organization, its certificate statement
// (previewed by the server while the form changes), approval by named approvers, history and drift.
import { api, versioned, type Schemas, type WithEtag } from '../../lib/api';

export type Scope = Schemas['Scope'];
export type ScopeInput = Schemas['ScopeInput'];
export type ScopeDrift = Scope['drift'][number];
export type VersionedScope = WithEtag<'scope', Scope>;

export function getScope(signal?: AbortSignal): Promise<VersionedScope> {
  return versioned('scope', api('get', '/api/v1/scope', { signal }));
}

export function putScope(input: ScopeInput, etag: string): Promise<VersionedScope> {
  return versioned('scope', api('put', '/api/v1/scope', { body: input, headers: { 'If-Match': etag } }));
}

export function submitScope(approvers: string[], etag: string): Promise<VersionedScope> {
  return versioned('scope', api('post', '/api/v1/scope/submit', { body: { approvers }, headers: { 'If-Match': etag } }));
}

export function decideScope(approve: boolean, comment: string, etag: string): Promise<VersionedScope> {
  const body = comment ? { comment } : {};
  if (approve) return versioned('scope', api('post', '/api/v1/scope/approve', { body, headers: { 'If-Match': etag } }));
  return versioned('scope', api('post', '/api/v1/scope/reject', { body, headers: { 'If-Match': etag } }));
}

export async function previewStatement(input: ScopeInput, signal?: AbortSignal): Promise<string> {
  return (await api('post', '/api/v1/scope/preview', { body: input, signal })).data.statement;
}

export async function getScopeHistory(_id: string, cursor: string | undefined, signal?: AbortSignal) {
  return (await api('get', '/api/v1/scope/history', { query: { cursor }, signal })).data;
}

/** The AI systems the scope may place: every system of the inventory that is not archived. */
export interface PlaceableSystem {
  id: string;
  name: string;
  status: string;
}

export async function listPlaceableSystems(signal?: AbortSignal): Promise<PlaceableSystem[]> {
  const out: PlaceableSystem[] = [];
  let cursor: string | undefined;
  do {
    const page = (await api('get', '/api/v1/systems', { query: { limit: 500, cursor }, signal })).data;
    for (const s of page.items) if ('name' in s) out.push({ id: s.id, name: s.name ?? s.id, status: String(s.status) });
    cursor = page.next ?? undefined;
  } while (cursor);
  return out;
}

/** The editable members of a served scope (what PUT takes back). */
export function inputOf(s: Scope): Required<ScopeInput> {
  return {
    units: s.units,
    sites: s.sites,
    in_scope: s.in_scope,
    out_of_scope: s.out_of_scope,
    ai_roles: s.ai_roles as Required<ScopeInput>['ai_roles'],
    interfaces: s.interfaces,
    boundaries: s.boundaries,
  };
}
