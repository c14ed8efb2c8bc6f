// The cursor-paged list endpoints, typed from the API paths: an endpoint's filters and sort keys,
// the page it answers, one page fetched, a count, or every page followed to the end. Stateless.
import { api, type PathsWith } from './api';
import type { paths } from './api-types';

type ListPath = PathsWith<'get'>;
type QueryOf<P extends ListPath> = paths[P]['get'] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type PathParamsOf<P extends ListPath> = paths[P]['get'] extends { parameters: { path: infer X } } ? X : never;

/** A list endpoint's filters: its query parameters without the paging ones, as kept in a page URL. */
export type ListFilters<P extends ListPath> = Omit<QueryOf<P>, 'limit' | 'cursor'>;

/** The keys a list endpoint sorts by. */
export type ListSort<P extends ListPath> = QueryOf<P> extends { sort?: infer S } ? NonNullable<S> : never;

/** One page of a list. Rows the server could not read come as `{id, error}`: see isUnreadable. */
export interface ListPage<T> {
  items: T[];
  total: number;
  next?: string;
}

export interface PageCall<P extends ListPath> {
  path?: PathParamsOf<P>;
  query?: QueryOf<P>;
  signal?: AbortSignal;
}

/** One page of a list endpoint. */
export async function fetchPage<T, P extends ListPath>(path: P, call: PageCall<P>): Promise<ListPage<T>> {
  const { data } = await api('get', path, call as never);
  return data as unknown as ListPage<T>;
}

/** How many rows match the query (one row is fetched; `total` counts them all). */
export async function countRows<P extends ListPath>(path: P, call: PageCall<P>): Promise<number> {
  const page = await fetchPage<unknown, P>(path, { ...call, query: { ...call.query, limit: 1 } as unknown as QueryOf<P> });
  return page.total;
}

/** Every row of a list endpoint, following `next` to the last page, with the last page's total. */
export async function fetchAllPages<T, P extends ListPath>(path: P, call: PageCall<P>): Promise<{ items: T[]; total: number }> {
  const items: T[] = [];
  let cursor: string | undefined;
  let total = 0;
  do {
    const page = await fetchPage<T, P>(path, { ...call, query: { ...call.query, limit: 500, cursor } as unknown as QueryOf<P> });
    items.push(...page.items);
    total = page.total;
    cursor = page.next;
  } while (cursor);
  return { items, total };
}
