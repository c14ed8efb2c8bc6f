// What the objective form offers: the Annex C objectives from the catalog and the organization's
// AI systems that are not archived.
import { api } from '../../lib/api';
import type { Problem } from '../../lib/problem';
import { listSystems } from '../systems';

export interface Option {
  value: string;
  label: string;
}

export interface FormOptions {
  annexC: Option[];
  systems: Option[];
}

export async function loadFormOptions(signal?: AbortSignal): Promise<FormOptions> {
  const [items, systems] = await Promise.all([
    api('get', '/api/v1/catalog/frameworks/{framework}/items', { path: { framework: 'iso42001' }, query: { kind: 'ai_objective', limit: 100 }, signal }),
    listSystems({ sort: 'name' }, undefined, 500, signal),
  ]);
  return {
    annexC: items.data.items.map((i) => ({ value: i.id, label: `${i.id} ${i.title}` })),
    systems: systems.items.map((s) => ({ value: s.id, label: s.name ?? s.id })),
  };
}

/** Field errors of a problem keyed by the exact field name (`title`, `plans[2].action`). */
export function exactFieldErrors(p: Problem | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of p?.errors ?? []) {
    if (!e.field || e.row !== undefined) continue;
    out[e.field] = out[e.field] ? `${out[e.field]} ${e.message}` : e.message;
  }
  return out;
}
