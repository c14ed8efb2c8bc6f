// The approved versions of the Statement of Applicability, newest first, and a way to diff any two
// of them (or one against the working copy).
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { DataTable } from '../../../components/DataTable';
import { Breadcrumbs, type Crumb } from '../../../components/RecordPage';
import { useAsync, useTitle } from '../../../lib/hooks';
import { formatDateTime } from '../../../lib/labels';
import { EmptyState, ErrorBanner, Loading } from '../../../lib/ui';
import { listVersions } from '../api';

/** The breadcrumb trail of the pages below the list of versions. */
export const soaVersionsCrumbs: readonly Crumb[] = [
  ['/soa', 'Statement of Applicability'],
  ['/soa/versions', 'Versions'],
];

/** The options of a select of approved versions ("Version 3"), in the order given. */
export function VersionOptions({ versions }: { versions: readonly { number: number }[] }) {
  return (
    <>
      {versions.map((v) => (
        <option key={v.number} value={v.number}>
          Version {v.number}
        </option>
      ))}
    </>
  );
}

export function diffPath(from: number | string, to: number | string): string {
  return `/soa/diff?from=${encodeURIComponent(String(from))}&to=${encodeURIComponent(String(to))}`;
}

export function SoaVersionsPage() {
  useTitle('SoA versions');
  const navigate = useNavigate();
  const versions = useAsync((signal) => listVersions(signal), []);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('working');
  const list = versions.data;

  function compare(e: FormEvent) {
    e.preventDefault();
    const f = from || String(list?.[0]?.number ?? '');
    if (f) navigate(diffPath(f, to));
  }

  return (
    <div className="page">
      <Breadcrumbs links={[['/soa', 'Statement of Applicability']]}>Versions</Breadcrumbs>
      <h1>Approved versions</h1>
      <p className="muted">Each approval freezes the Statement of Applicability as a numbered version that never changes afterwards.</p>
      <ErrorBanner error={versions.error} title="The versions could not be loaded." />
      {!list && versions.loading ? <Loading /> : null}
      {list && list.length === 0 ? (
        <EmptyState title="No version approved yet" testId="versions-empty">
          <p>A manager or admin approves the working copy from the Statement of Applicability page; it then appears here as version 1.</p>
          <Link className="btn" to="/soa">
            Go to the Statement of Applicability
          </Link>
        </EmptyState>
      ) : null}
      {list && list.length > 0 ? (
        <>
          <form className="card diff-pick" onSubmit={compare} data-testid="diff-form">
            <div className="field">
              <label htmlFor="diff-from">Compare version</label>
              <select id="diff-from" value={from || String(list[0].number)} onChange={(e) => setFrom(e.target.value)}>
                <VersionOptions versions={list} />
              </select>
            </div>
            <div className="field">
              <label htmlFor="diff-to">with</label>
              <select id="diff-to" value={to} onChange={(e) => setTo(e.target.value)}>
                <option value="working">the working copy</option>
                <VersionOptions versions={list} />
              </select>
            </div>
            <button type="submit" className="btn btn-primary">
              Show differences
            </button>
          </form>
          <DataTable columns={['Version', 'Approved', 'Note', 'Applicable / excluded', 'Implemented', { label: 'Compare', hidden: true }]} testId="versions-table">
            {list.map((v, i) => (
              <tr key={v.number} data-version={v.number}>
                <td className="nowrap">
                  <Link className="row-link" to={`/soa/versions/${v.number}`}>
                    Version {v.number}
                  </Link>
                </td>
                <td>
                  {formatDateTime(v.approved_at)}
                  <div className="cell-sub">{v.approved_by}</div>
                </td>
                <td className="prewrap">{v.note || <span className="muted">—</span>}</td>
                <td>
                  {v.summary.applicable} / {v.summary.excluded}
                </td>
                <td>{v.summary.implemented}</td>
                <td className="nowrap">
                  <Link to={diffPath(v.number, 'working')}>Diff with working copy</Link>
                  {list[i + 1] ? (
                    <>
                      {' · '}
                      <Link to={diffPath(list[i + 1].number, v.number)}>with version {list[i + 1].number}</Link>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}
    </div>
  );
}
