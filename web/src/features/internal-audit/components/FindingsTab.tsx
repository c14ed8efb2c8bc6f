// The audit's findings: type, requirement, title and description; a major or minor
// nonconformity offers "Raise nonconformity" (the NC form, pre-filled) to whoever may raise one
// (write_record: an auditor conducts the audit but does not raise NCs) and shows its NC once one exists.
import { Link } from 'react-router-dom';
import { useAsync } from '../../../lib/hooks';
import { EmptyState } from '../../../lib/ui';
import { ChildRecords, RecordIdLink } from '../../../components/ChildRecords';
import { findings, ncsOf, raiseNcHref, type Audit, type Finding } from '../api';
import { findingLabels, isNonconformity } from '../labels';

export function FindingsTab({ audit, canRaise }: { audit: Audit; canRaise: boolean }) {
  const list = useAsync(async (signal) => {
    const items = await findings(audit.id, signal);
    const ncs = await Promise.all(items.map((f) => (isNonconformity(f.type) && !f.nc_id ? ncsOf(f.id, signal) : Promise.resolve([]))));
    return items.map((f, i) => ({ ...f, nc: f.nc_id ?? ncs[i][0]?.id ?? null }));
  }, [audit.id, audit.version]);
  return (
    <>
      <h2>Findings</h2>
      <ChildRecords list={list} errorTitle="The findings could not be loaded." testId="findings"
        columns={['Finding', 'Type', 'Requirement', 'Title', 'Nonconformity']}
        empty={
          <EmptyState title="No findings yet" testId="findings-empty">
            Findings are recorded from the checklist&apos;s rows while the audit is in progress.
          </EmptyState>
        }
        row={(f) => (
          <tr key={f.id} data-finding={f.id}>
            <td><RecordIdLink path="audit-findings" id={f.id} /></td>
            <td>{findingLabels[f.type] ?? f.type}</td>
            <td>{f.requirement}</td>
            <td>{f.title}</td>
            <td><NcCell finding={f} nc={f.nc} canRaise={canRaise} /></td>
          </tr>
        )} />
    </>
  );
}

function NcCell({ finding, nc, canRaise }: { finding: Finding; nc: string | null; canRaise: boolean }) {
  if (!isNonconformity(finding.type)) return <>—</>;
  if (nc) return <Link to={`/nonconformities/${encodeURIComponent(nc)}`} data-testid="finding-nc">{nc}</Link>;
  return canRaise ? (
    <Link className="btn btn-sm" to={raiseNcHref(finding)} data-testid="raise-nc">Raise nonconformity</Link>
  ) : (
    <>Not raised yet</>
  );
}
