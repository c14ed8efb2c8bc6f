// The state of a filtered, sorted, cursor-paged list page: filters and sort live in the URL query,
// the search box is debounced into `q`, and paging restarts whenever the filters change. One hook
// instance per page component; React state only, no sharing between pages.
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { canGoBack, currentCursor, firstPage, pageNumber, popCursor, pushCursor, type CursorStack } from '../../lib/cursor';
import { useAsync, useSearchText, type AsyncState } from '../../lib/hooks';
import { pickParams } from '../../lib/query';

export const PAGE_SIZE = 25;

/** The least a list page answer carries. */
export interface ListPageData {
  items: readonly unknown[];
  total: number;
  next?: string | null;
}

export interface ListPageSpec<F, P extends ListPageData> {
  /** The query parameters that are filters (and `sort`). */
  filterKeys: readonly string[];
  /** The sort used when the URL has none. */
  defaultSort: string;
  /** Loads one page. */
  load: (filters: F, cursor: string | undefined, limit: number, signal: AbortSignal) => Promise<P>;
  /** Scroll back to the top when a page is turned (default true). */
  scrollOnTurn?: boolean;
}

/** What the shared list parts read of a list page, whatever its filters and rows. */
export interface ListView {
  params: URLSearchParams;
  sort: string;
  search: string;
  setSearch: (text: string) => void;
  page: ListPageData | undefined;
  loading: boolean;
  /** Whether the page shown belongs to earlier filters, sort or cursor while the current one loads. */
  stale: boolean;
  /** 0-based index of the first row shown. */
  first: number;
  pageNumber: number;
  canGoBack: boolean;
  hasFilters: boolean;
  /** Sets one query parameter; an empty value removes it. */
  setFilter: (key: string, value: string) => void;
  /** Removes the given query parameters. */
  dropFilters: (...keys: string[]) => void;
  /** Empties the search box and every filter, keeping the sort. */
  clearFilters: () => void;
  /** Clicking a column: ascending first, then descending. */
  toggleSort: (column: string) => void;
  previous: () => void;
  next: () => void;
}

export interface ListPage<F, P extends ListPageData> extends ListView {
  setParams: ReturnType<typeof useSearchParams>[1];
  filters: F;
  page: P | undefined;
  error: AsyncState<P>['error'];
  /** Loads the page being shown again (e.g. after a write). */
  reload: () => void;
}

/** The sort value after clicking a column: ascending first, then descending. */
export function toggleSortValue(current: string, column: string): string {
  return current === column ? `-${column}` : column;
}

export function useListPage<F, P extends ListPageData>(spec: ListPageSpec<F, P>): ListPage<F, P> {
  const [params, setParams] = useSearchParams();
  const filters = pickParams(params, spec.filterKeys) as unknown as F;
  const filterKey = JSON.stringify(filters);
  const sortParam = params.get('sort');
  const sort = sortParam || spec.defaultSort;
  const [search, setSearch] = useSearchText(300);
  const [pages, setPages] = useState<{ key: string; stack: CursorStack }>({ key: filterKey, stack: firstPage });
  const stack = pages.key === filterKey ? pages.stack : firstPage;
  const cursor = currentCursor(stack);
  const list = useAsync((signal) => spec.load(filters, cursor, PAGE_SIZE, signal), [filterKey, cursor]);

  const setFilter = (key: string, value: string) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    setParams(p);
  };
  const dropFilters = (...keys: string[]) => {
    const p = new URLSearchParams(params);
    for (const k of keys) p.delete(k);
    setParams(p);
  };
  const turnPage = (next: CursorStack) => {
    setPages({ key: filterKey, stack: next });
    if (spec.scrollOnTurn !== false) window.scrollTo({ top: 0 });
  };
  const page = list.data;
  return {
    params,
    setParams,
    filters,
    sort,
    search,
    setSearch,
    page,
    loading: list.loading,
    stale: list.stale,
    error: list.error,
    reload: list.reload,
    first: (pageNumber(stack) - 1) * PAGE_SIZE,
    pageNumber: pageNumber(stack),
    canGoBack: canGoBack(stack),
    hasFilters: spec.filterKeys.some((k) => k !== 'sort' && params.get(k)),
    setFilter,
    dropFilters,
    clearFilters: () => {
      setSearch('');
      setParams(sortParam ? { sort: sortParam } : {});
    },
    toggleSort: (column) => setFilter('sort', toggleSortValue(sort, column)),
    previous: () => turnPage(popCursor(stack)),
    next: () => {
      if (page?.next) turnPage(pushCursor(stack, page.next));
    },
  };
}
