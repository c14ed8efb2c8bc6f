// Loads the names of what a kind's references point at, for lists, detail pages and forms: the
// organization's AI systems, its members, the Annex A controls of the catalog and the records of
// other kinds (one page of 500 each, archived ones too, for old references). Each source is read
// once per page; the hook's state is the component's own.
import { apiUntyped } from '../../../lib/api';
import { useAsync } from '../../../lib/hooks';
import { loadKinds, listRecords, type KindSchema } from '../../../components/records/kinds';
import { recordTitle, refTargets, type RefNames } from '../../../components/records/kindModel';
import { listAllItems } from '../../catalog';
import { listSystems } from '../../systems';

/** A member as the members list or /api/v1/me describes them (either spelling of the id). */
interface MemberLike {
  id?: string;
  user_id?: string;
  name?: string;
  email?: string;
}

/**
 * The organization's members as id → name. Read from the members list (admins), else from the
 * member directory (active members); where the server offers neither, the caller alone, so that one can at least name oneself.
 */
export async function loadMembers(signal?: AbortSignal): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const add = (m: MemberLike) => {
    const id = m.user_id ?? m.id;
    if (id) out.set(id, m.name || m.email || id);
  };
  try {
    const r = await apiUntyped<{ items: MemberLike[] }>('get', '/api/v1/org/members', { query: { limit: 500 }, signal });
    for (const m of r.data.items ?? []) add(m);
  } catch (e) {
    if (signal?.aborted) throw e;
  }
  // Who may not read the members list (not an admin) reads the member directory: names, no emails.
  if (out.size === 0) {
    try {
      const r = await apiUntyped<{ items: MemberLike[] }>('get', '/api/v1/org/directory', { query: { limit: 500 }, signal });
      for (const m of r.data.items ?? []) add(m);
    } catch (e) {
      if (signal?.aborted) throw e;
    }
  }
  if (out.size === 0) add((await apiUntyped<{ user: MemberLike }>('get', '/api/v1/me', { signal })).data.user);
  return out;
}

/** The Annex A controls of the ISO/IEC 42001 catalog as id → "A.5.2 Title", in catalog order. */
export async function loadControls(signal?: AbortSignal): Promise<Map<string, string>> {
  const items = await listAllItems('iso42001', signal);
  return new Map(items.filter((i) => i.kind === 'control').map((i) => [i.id, `${i.id} ${i.title}`]));
}

/** The names of one target's things. */
async function namesOf(target: string, kinds: KindSchema[], signal: AbortSignal): Promise<Map<string, string>> {
  if (target === 'system') {
    const page = await listSystems({ archived: 'all', sort: 'name' }, undefined, 500, signal);
    const out = new Map<string, string>();
    for (const s of page.items) if ('name' in s && typeof s.name === 'string') out.set(s.id, s.name);
    return out;
  }
  if (target === 'user') return loadMembers(signal);
  if (target === 'control') return loadControls(signal);
  const kind = kinds.find((k) => k.kind === target);
  if (!kind) return new Map();
  const page = await listRecords(kind, { archived: 'all', limit: 500 }, signal);
  return new Map(page.items.map((r) => [r.id, recordTitle(kind, r)]));
}

export interface RefState {
  names: RefNames;
  /** The schemas of the kinds referred to, by kind (for links and searches). */
  kinds: ReadonlyMap<string, KindSchema>;
  loading: boolean;
  error: unknown;
}

/** The names of everything the kind's references point at (nothing is loaded for a kind without any). */
export function useRefNames(kind: KindSchema): RefState {
  const targets = refTargets(kind);
  const loaded = useAsync(async (signal) => {
    const all = targets.some((t) => !['system', 'user', 'control'].includes(t)) ? await loadKinds() : [];
    const names = new Map<string, Map<string, string>>();
    await Promise.all(targets.map(async (t) => names.set(t, await namesOf(t, all, signal))));
    return { names, kinds: new Map(all.filter((k) => targets.includes(k.kind)).map((k) => [k.kind, k])) };
  }, [kind.kind]);
  return { names: loaded.data?.names ?? new Map(), kinds: loaded.data?.kinds ?? new Map(), loading: loaded.loading, error: loaded.error };
}
