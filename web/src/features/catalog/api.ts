// The catalog of standards (SPEC §1): frameworks and their items.
import { api, type Schemas } from '../../lib/api';
import { fetchAllPages } from '../../lib/lists';

export type Framework = Schemas['Framework'];
export type CatalogItem = Schemas['CatalogItem'];
export type CatalogKind = Schemas['CatalogKind'];

export async function listFrameworks(signal?: AbortSignal): Promise<Framework[]> {
  const { data } = await api('get', '/api/v1/catalog/frameworks', { signal });
  return data.items;
}

/** Every item of a framework in document order (following `next` until the last page). */
export async function listAllItems(framework: string, signal?: AbortSignal): Promise<CatalogItem[]> {
  const path = '/api/v1/catalog/frameworks/{framework}/items';
  return (await fetchAllPages<CatalogItem, typeof path>(path, { path: { framework }, signal })).items;
}

/** Items of a framework whose id, title or guidance contain `q`. */
export async function searchItems(framework: string, q: string, signal?: AbortSignal): Promise<{ items: CatalogItem[]; total: number }> {
  const { data } = await api('get', '/api/v1/catalog/frameworks/{framework}/items', {
    path: { framework },
    query: { q, limit: 100 },
    signal,
  });
  return { items: data.items, total: data.total };
}

/** How many items of one kind a framework has. */
export async function countItems(framework: string, kind: CatalogKind, signal?: AbortSignal): Promise<number> {
  const { data } = await api('get', '/api/v1/catalog/frameworks/{framework}/items', {
    path: { framework },
    query: { kind, limit: 1 },
    signal,
  });
  return data.total;
}

export async function getItem(framework: string, id: string, signal?: AbortSignal): Promise<CatalogItem> {
  const { data } = await api('get', '/api/v1/catalog/frameworks/{framework}/items/{item_id}', {
    path: { framework, item_id: id },
    signal,
  });
  return data;
}
