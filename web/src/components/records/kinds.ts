// The schema of the record kinds the server serves from their field lists (GET /api/v1/kinds),
// loaded once per organization and tab and kept in a module cache, and the calls on such a kind's
// records (list, get, create, update, history, archive, restore). The cache is module state, read
// and written on the browser's one thread only.
import { useEffect, useState } from 'react';
import { api, apiUntyped, storedOrg, type ApiResult, type Schemas } from '../../lib/api';
import type { QueryValue } from '../../lib/query';
import type { HistoryEntryBase, HistoryPageData } from './RecordHistory';

/** A record kind served from its fields, as GET /api/v1/kinds describes it. */
export type KindSchema = Schemas['KindSchema'];
/** One field of a kind, as the server checks it. */
export type KindField = Schemas['KindField'];
export type FieldType = KindField['type'];
/** One allowed value of an enum field or a filter. */
export type KindValue = Schemas['KindValue'];
/** A filter of a kind's list; one without values takes free text. */
export type KindFilter = KindSchema['filters'][number];

/** A record of a kind: the common facts and its fields by name. */
export interface KindRecord {
  id: string;
  number?: string;
  version: number;
  archived?: boolean;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  [field: string]: unknown;
}

export interface KindPage {
  items: KindRecord[];
  total: number;
  next?: string | null;
}

export interface VersionedRecord {
  record: KindRecord;
  etag: string | null;
}

/** The kinds of each organization (the answer depends on the person's role there). */
const cache = new Map<string, Promise<KindSchema[]>>();

/** The schema of every kind served from its fields; fetched once per organization, then cached. */
export function loadKinds(): Promise<KindSchema[]> {
  const key = storedOrg() ?? '';
  let pending = cache.get(key);
  if (!pending) {
    pending = api('get', '/api/v1/kinds').then((r) => r.data.items);
    // A failed load is not kept: the next page asks again.
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}

/** Forgets the loaded schemas (tests; a change of role). */
export function forgetKinds(): void {
  cache.clear();
}

export interface KindState {
  kind: KindSchema | undefined;
  error: unknown;
  loading: boolean;
}

/** The schema of the kind served at `path`; an error when the server has no such kind. */
export function useKind(path: string): KindState {
  const [state, setState] = useState<KindState>({ kind: undefined, error: null, loading: true });
  useEffect(() => {
    let live = true;
    setState((s) => (s.kind?.path === path ? s : { kind: undefined, error: null, loading: true }));
    loadKinds().then(
      (all) => {
        if (!live) return;
        const kind = all.find((k) => k.path === path);
        setState({ kind, error: kind ? null : new Error(`The server has no record kind “${path}”.`), loading: false });
      },
      (e: unknown) => live && setState({ kind: undefined, error: e, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path, storedOrg()]);
  return state;
}

function base(kind: KindSchema): string {
  return `/api/v1/${encodeURIComponent(kind.path)}`;
}

function one(kind: KindSchema, id: string, action = ''): string {
  return `${base(kind)}/${encodeURIComponent(id)}${action}`;
}

const versioned = (r: ApiResult<KindRecord>): VersionedRecord => ({ record: r.data, etag: r.etag });

export async function listRecords(kind: KindSchema, query: Record<string, QueryValue>, signal?: AbortSignal): Promise<KindPage> {
  return (await apiUntyped<KindPage>('get', base(kind), { query, signal })).data;
}

export async function getRecord(kind: KindSchema, id: string, signal?: AbortSignal): Promise<VersionedRecord> {
  return versioned(await apiUntyped<KindRecord>('get', one(kind, id), { signal }));
}

export async function createRecord(kind: KindSchema, body: Record<string, unknown>): Promise<KindRecord> {
  return (await apiUntyped<KindRecord>('post', base(kind), { body })).data;
}

export async function updateRecord(kind: KindSchema, id: string, patch: Record<string, unknown>, etag: string): Promise<VersionedRecord> {
  return versioned(await apiUntyped<KindRecord>('patch', one(kind, id), { body: patch, headers: { 'If-Match': etag } }));
}

/** Archives or restores a record (If-Match with the version read). */
export async function setArchived(kind: KindSchema, id: string, archived: boolean, etag: string): Promise<VersionedRecord> {
  return versioned(await apiUntyped<KindRecord>('post', one(kind, id, archived ? '/archive' : '/restore'), { headers: { 'If-Match': etag } }));
}

export async function getRecordHistory(kind: KindSchema, id: string, cursor: string | undefined, signal?: AbortSignal): Promise<HistoryPageData<HistoryEntryBase>> {
  return (await apiUntyped<HistoryPageData<HistoryEntryBase>>('get', one(kind, id, '/history'), { query: { cursor, limit: 50 }, signal })).data;
}
