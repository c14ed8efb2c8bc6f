// The visible parts of a list page, driven by a useListPage state: the filter bar with its search
// box and select filters, the total line, the sortable table head and the pager. Stateless
// components; all state stays in the page's useListPage.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formatDate, formatDateTime } from '../../lib/labels';
import { PairOptions, SelectField } from '../FormParts';
import { EmptyState, ErrorBanner, isUnreadable, Loading, UnreadableRow, type UnreadableItem } from '../../lib/ui';
import type { ListView } from './useListPage';

export function FilterBar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="filters card" role="search" aria-label={label}>
      {children}
    </div>
  );
}

interface SearchProps {
  list: ListView;
  id: string;
  placeholder: string;
  testId?: string;
}

/** The free-text search box bound to the URL's `q`. */
export function SearchFilter({ list, id, placeholder, testId }: SearchProps) {
  return (
    <div className="field field-search">
      <label htmlFor={id}>Search</label>
      <input
        id={id}
        type="search"
        placeholder={placeholder}
        value={list.search}
        onChange={(e) => list.setSearch(e.target.value)}
        maxLength={200}
        data-testid={testId}
      />
    </div>
  );
}

interface SelectProps {
  list: ListView;
  /** The query parameter. */
  name: string;
  label: string;
  /** [value, label] pairs. */
  options: readonly (readonly [string, string])[];
  /** The label of the empty choice. */
  all?: string;
  /** The element id; `filter-<name>` unless given. */
  id?: string;
  testId?: string;
}

/** A select bound to one query parameter; the empty choice removes it. */
export function SelectFilter({ list, name, label, options, all = 'All', id, testId }: SelectProps) {
  return (
    <SelectField id={id ?? `filter-${name}`} label={label} value={list.params.get(name) ?? ''} onChange={(v) => list.setFilter(name, v)} all={all} testId={testId}>
      <PairOptions options={options} />
    </SelectField>
  );
}

interface FlagProps {
  list: ListView;
  /** The query parameter: "false" (the default, not in the URL), "true" or "all". */
  name: string;
  label: string;
  /** The labels of "false" and "true", e.g. ["Not archived", "Archived only"]. */
  choices: readonly [string, string];
  className?: string;
}

/** A select of a flag that lists leave out by default (archived, deleted): not, only, or all. */
export function FlagFilter({ list, name, label, choices, className = 'field' }: FlagProps) {
  const id = `filter-${name}`;
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={list.params.get(name) ?? 'false'} onChange={(e) => list.setFilter(name, e.target.value === 'false' ? '' : e.target.value)}>
        <option value="false">{choices[0]}</option>
        <option value="true">{choices[1]}</option>
        <option value="all">All</option>
      </select>
    </div>
  );
}

interface MetaProps {
  list: ListView;
  testId: string;
  /** "No risks match these filters." */
  noMatch: string;
  /** Singular and plural of what is counted. */
  noun: [string, string];
  /** Extra text after the count. */
  extra?: ReactNode;
  /** Show the spinner while a page loads (default true). */
  spinner?: boolean;
}

/** "1–25 of 60 risks", the clear-filters button and the loading spinner. */
export function TableMeta({ list, testId, noMatch, noun, extra, spinner = true }: MetaProps) {
  const page = list.page;
  if (!page) return null;
  return (
    <div className="table-meta" aria-live="polite">
      <span data-testid={testId}>
        {page.total === 0
          ? noMatch
          : `${list.first + 1}–${list.first + page.items.length} of ${page.total} ${page.total === 1 ? noun[0] : noun[1]}`}
        {extra}
      </span>
      {list.hasFilters ? (
        <button type="button" className="link-btn" onClick={list.clearFilters}>
          Clear filters
        </button>
      ) : null}
      {spinner && list.loading ? <span className="spinner" aria-label="Loading" /> : null}
    </div>
  );
}

/** A column of a list table; one with `sort` can be sorted by clicking its head. */
export interface Column {
  key: string;
  label: string;
  sort?: string;
  /** Dropped on narrow screens. */
  optional?: boolean;
}

/** The table head: sortable columns are buttons and carry aria-sort. */
export function SortableHead({ list, columns }: { list: ListView; columns: readonly Column[] }) {
  const sort = list.sort;
  return (
    <thead>
      <tr>
        {columns.map((c) => {
          const dir = sort === c.sort ? 'ascending' : sort === `-${c.sort}` ? 'descending' : undefined;
          return (
            <th key={c.key} scope="col" aria-sort={c.sort ? (dir ?? 'none') : undefined} className={c.optional ? 'col-optional' : undefined}>
              {c.sort ? (
                <button type="button" className="sort-btn" onClick={() => list.toggleSort(c.sort as string)}>
                  {c.label}
                  <span className="sort-mark" aria-hidden="true">
                    {dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : '↕'}
                  </span>
                </button>
              ) : (
                c.label
              )}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/** Previous / page number / next over the cursor stack. */
export function Pager({ list }: { list: ListView }) {
  const loading = list.loading;
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" className="btn" disabled={!list.canGoBack || loading} onClick={list.previous}>
        ← Previous
      </button>
      <span className="muted">Page {list.pageNumber}</span>
      <button type="button" className="btn" disabled={!list.page?.next || loading} onClick={list.next}>
        Next →
      </button>
    </nav>
  );
}

interface ResultsProps<T> {
  list: ListView & { error: unknown; page: { items: readonly T[]; total: number; next?: string | null } | undefined };
  columns: readonly Column[];
  /** "risks": the test ids are `<name>-table`, `<name>-total` and `<name>-empty`. */
  name: string;
  /** Singular and plural of what is listed ("risk", "risks"). */
  noun: [string, string];
  /** The title of the banner when a page cannot be loaded (default "The <plural> could not be loaded."). */
  loadError?: string;
  /** The total line when filters match nothing (default "No <plural> match these filters."). */
  noMatch?: string;
  /** More of the total line (see TableMeta). */
  meta?: Pick<MetaProps, 'extra' | 'spinner'>;
  /** Shown instead of the table when there is nothing at all (no filters set): an EmptyList's parts or an element. */
  empty: Omit<EmptyListProps, 'testId'> | ReactNode;
  /** One table row of a readable item. */
  row: (item: Exclude<T, UnreadableItem>) => ReactNode;
}

function isEmptySpec(empty: unknown): empty is Omit<EmptyListProps, 'testId'> {
  return typeof empty === 'object' && empty !== null && 'title' in empty && 'text' in empty;
}

/**
 * The result half of a list page: the load error, the spinner, the empty state when nothing
 * exists, else the total line, the table (rows the server could not read stay visible) and the
 * pager.
 */
export function ListResults<T extends { id: string }>({ list, columns, name, noun, empty, meta, row, ...text }: ResultsProps<T>) {
  const page = list.page;
  const emptyView = isEmptySpec(empty) ? <EmptyList testId={`${name}-empty`} {...empty} /> : empty;
  return (
    <>
      <ErrorBanner error={list.error} title={text.loadError ?? `The ${noun[1]} could not be loaded.`} />
      {!page && list.loading ? <Loading /> : null}
      {/* A page of only unreadable rows has a total of 0 (they are not counted) but still shows them. */}
      {page && page.total === 0 && page.items.length === 0 && !list.hasFilters ? emptyView : null}
      {page && (page.total > 0 || page.items.length > 0 || list.hasFilters) ? (
        <>
          <TableMeta list={list} testId={`${name}-total`} noMatch={text.noMatch ?? `No ${noun[1]} match these filters.`} noun={noun} {...meta} />
          <div className="table-wrap">
            <table className="table" data-testid={`${name}-table`} aria-busy={list.stale || undefined}>
              <SortableHead list={list} columns={columns} />
              <tbody>
                {(page.items as readonly T[]).map((item) =>
                  isUnreadable(item) ? (
                    <UnreadableRow key={item.id} item={item as UnreadableItem} columns={columns.length} />
                  ) : (
                    row(item as Exclude<T, UnreadableItem>)
                  ),
                )}
              </tbody>
            </table>
          </div>
          <Pager list={list} />
        </>
      ) : null}
    </>
  );
}

/** The primary link to a new record's page, for a role that may write; nothing otherwise. */
export function CreateLink({ show, to, testId, children }: { show: boolean; to: string; testId?: string; children: ReactNode }) {
  return show ? (
    <Link className="btn btn-primary" to={to} data-testid={testId}>
      {children}
    </Link>
  ) : null;
}

interface EmptyListProps {
  title: string;
  testId: string;
  /** What the list is for. */
  text: ReactNode;
  /** The way to the first record ([URL, label]), for a role that may write. */
  create?: readonly [to: string, label: string] | null;
}

/** The state of a list with nothing in it at all: what it is for, and the way to the first record. */
export function EmptyList({ title, testId, text, create }: EmptyListProps) {
  return (
    <EmptyState title={title} testId={testId}>
      <p>{text}</p>
      {create ? (
        <CreateLink show to={create[0]}>
          {create[1]}
        </CreateLink>
      ) : null}
    </EmptyState>
  );
}

/** A table cell with the day of a date-time, the full time on hover. */
export function DateCell({ at, optional }: { at: string; optional?: boolean }) {
  return (
    <td className={optional ? 'nowrap col-optional' : 'nowrap'}>
      <time dateTime={at} title={formatDateTime(at)}>
        {formatDate(at)}
      </time>
    </td>
  );
}
