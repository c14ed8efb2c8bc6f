// The differences between two SoA versions, or a version and the working copy, field by field.
import { useSearchParams } from 'react-router-dom';
import { DataTable } from '../../../components/DataTable';
import { Breadcrumbs } from '../../../components/RecordPage';
import { useAsync, useTitle } from '../../../lib/hooks';
import { EmptyState, ErrorBanner, Loading } from '../../../lib/ui';
import { diffVersions, getSoa, listVersions } from '../api';
import { soaFieldLabels } from '../labels';
import { changesByControl, displayValue } from '../soa';
import { soaVersionsCrumbs, VersionOptions } from './SoaVersionsPage';

function sideName(v: string): string {
  return v === 'working' ? 'the working copy' : `version ${v}`;
}

export function SoaDiffPage() {
  const [params, setParams] = useSearchParams();
  const versions = useAsync((signal) => listVersions(signal), []);
  // Control titles (they do not change between versions).
  const soa = useAsync((signal) => getSoa(signal), []);
  const titleOf = (id: string) => soa.data?.items.find((e) => e.control_id === id)?.title ?? '';
  const from = params.get('from') ?? String(versions.data?.[0]?.number ?? '');
  const to = params.get('to') ?? 'working';
  useTitle(`SoA ${sideName(from)} → ${sideName(to)}`);
  const diff = useAsync((signal) => (from ? diffVersions(from, to, signal) : Promise.resolve(null)), [from, to]);
  const set = (k: 'from' | 'to', v: string) => setParams({ from, to, [k]: v }, { replace: true });
  const d = diff.data;

  return (
    <div className="page">
      <Breadcrumbs links={soaVersionsCrumbs}>Differences</Breadcrumbs>
      <h1>
        Differences: {sideName(from)} → {sideName(to)}
      </h1>
      {versions.data && versions.data.length ? (
        <div className="card diff-pick">
          <div className="field">
            <label htmlFor="d-from">From</label>
            <select id="d-from" value={from} onChange={(e) => set('from', e.target.value)}>
              <VersionOptions versions={versions.data} />
            </select>
          </div>
          <div className="field">
            <label htmlFor="d-to">To</label>
            <select id="d-to" value={to} onChange={(e) => set('to', e.target.value)}>
              <option value="working">Working copy</option>
              <VersionOptions versions={versions.data} />
            </select>
          </div>
        </div>
      ) : null}
      <ErrorBanner error={versions.error ?? diff.error} title="The differences could not be loaded." />
      {diff.loading && !d ? <Loading /> : null}
      {!from && versions.data && versions.data.length === 0 ? (
        <EmptyState title="No version approved yet">
          <p>Differences are shown between approved versions, or between a version and the working copy.</p>
        </EmptyState>
      ) : null}
      {d && d.changes.length === 0 ? (
        <EmptyState title="No differences" testId="diff-empty">
          <p>
            {sideName(from)} and {sideName(to)} are the same.
          </p>
        </EmptyState>
      ) : null}
      {d && d.changes.length > 0 ? (
        <DataTable columns={['Control', 'Field', from === 'working' ? 'Working copy' : `Version ${from}`, to === 'working' ? 'Working copy' : `Version ${to}`]} className="diff-table" testId="diff-table" busy={diff.stale}>
          {changesByControl(d.changes).flatMap((g) =>
            g.changes.map((c, i) => (
              <tr key={`${g.control_id}:${c.field}`} data-control={g.control_id} data-field={c.field}>
                {i === 0 ? (
                  <th scope="rowgroup" rowSpan={g.changes.length} className="diff-control">
                    <span className="tree-id">{g.control_id}</span> {titleOf(g.control_id)}
                  </th>
                ) : null}
                <td>{soaFieldLabels[c.field] ?? c.field}</td>
                <td className="value-old prewrap">{displayValue(c.field, c.from)}</td>
                <td className="value-new prewrap">{displayValue(c.field, c.to)}</td>
              </tr>
            )),
          )}
        </DataTable>
      ) : null}
    </div>
  );
}
