// A plain data table: the scrolling wrapper, the table with its column heads, and the body rows the
// page renders. Stateless; pages keep their own data, empty states and row markup.
import type { ReactNode } from 'react';

/** A column head: its text, or the text with a class or read only by screen readers (`hidden`). */
export type Column = string | { label: string; hidden?: boolean; className?: string };

interface DataTableProps {
  columns: readonly Column[];
  /** Extra table classes after `table` (e.g. `table-compact`). */
  className?: string;
  testId?: string;
  id?: string;
  /** A caption read only by screen readers. */
  caption?: ReactNode;
  /** The rows, placed in one <tbody>; with `groups`, the page's own <tbody> elements. */
  children: ReactNode;
  groups?: boolean;
  /** False leaves out the horizontally scrolling `table-wrap` around the table. */
  wrap?: boolean;
  /** The rows shown are being replaced (e.g. a useAsync's `stale`): sets aria-busy. */
  busy?: boolean;
}

export function DataTable({ columns, className, testId, id, caption, children, groups, wrap = true, busy }: DataTableProps) {
  const table = (
    <table className={className ? `table ${className}` : 'table'} id={id} data-testid={testId} aria-busy={busy || undefined}>
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((c, i) =>
            typeof c === 'string' ? (
              <th key={i} scope="col">
                {c}
              </th>
            ) : (
              <th key={i} scope="col" className={c.className}>
                {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ),
          )}
        </tr>
      </thead>
      {groups ? children : <tbody>{children}</tbody>}
    </table>
  );
  return wrap ? <div className="table-wrap">{table}</div> : table;
}

/** The heading row of a group of rows (its own <tbody>), spanning every column. */
export function GroupRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr className="group-row">
      <th colSpan={columns} scope="colgroup">
        {children}
      </th>
    </tr>
  );
}
