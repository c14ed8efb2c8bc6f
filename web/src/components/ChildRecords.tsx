// The records that belong to one parent record (an audit's findings or its requests for
// information) as one table: the load's error and loading states, an empty state when there are
// none, and a DataTable whose rows the page renders. Stateless; the page keeps its own load.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { AsyncState } from '../lib/hooks';
import { ErrorBanner, Loading } from '../lib/ui';
import { DataTable, type Column } from './DataTable';

interface ChildRecordsProps<T> {
  /** The parent's child records, as its useAsync loads them. */
  list: AsyncState<T[]>;
  /** The error banner's title when they could not be loaded. */
  errorTitle: string;
  /** What stands in place of the table when there are none (an EmptyState). */
  empty: ReactNode;
  columns: readonly Column[];
  testId: string;
  /** One <tr> of a record. */
  row: (item: T) => ReactNode;
}

export function ChildRecords<T>({ list, errorTitle, empty, columns, testId, row }: ChildRecordsProps<T>) {
  return (
    <>
      {list.error ? <ErrorBanner error={list.error} title={errorTitle} /> : null}
      {!list.data ? (
        list.error ? null : <Loading />
      ) : list.data.length === 0 ? (
        empty
      ) : (
        <DataTable columns={columns} testId={testId}>
          {list.data.map(row)}
        </DataTable>
      )}
    </>
  );
}

/** A link to the page of the record `id` under `/{path}/` that reads its id (a child record's first cell). */
export function RecordIdLink({ path, id }: { path: string; id: string }) {
  return <Link to={`/${path}/${encodeURIComponent(id)}`}>{id}</Link>;
}
