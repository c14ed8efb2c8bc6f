// An internal audit's page: the record's fields, history and evidence (the kinds' detail page), the
// independence warnings, the workflow's next step (start, report, sign off) and tabs for the
// checklist, findings, requests for information, sampling and sign-off.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useAsync } from '../../../lib/hooks';
import { Banner, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { KindDetailPage } from '../../kinds';
import { getAudit, independence } from '../api';
import { statusLabels } from '../labels';
import { ChecklistTab } from './ChecklistTab';
import { FindingsTab } from './FindingsTab';
import { RequestsTab } from './RequestsTab';
import { SamplingTab } from './SamplingTab';
import { SignOffTab } from './SignOffTab';

const tabs = [
  { id: 'checklist', label: 'Checklist' },
  { id: 'findings', label: 'Findings' },
  { id: 'requests', label: 'Requests' },
  { id: 'sampling', label: 'Sampling' },
  { id: 'signoff', label: 'Report & sign-off' },
] as const;
type Tab = (typeof tabs)[number]['id'];

/** Admin, manager and auditor conduct audits (docs/internal-audit.md, "Who may do what"). */
export function canConduct(role: string | undefined): boolean {
  return role === 'admin' || role === 'manager' || role === 'auditor';
}

export function AuditPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const [epoch, setEpoch] = useState(0);
  const [tab, setTab] = useState<Tab>('checklist');
  const data = useAsync(async (signal) => {
    const [a, warnings] = await Promise.all([getAudit(id, signal), independence(id, signal)]);
    return { ...a, warnings };
  }, [id, epoch, session.orgEpoch]);
  const changed = () => setEpoch((e) => e + 1);
  const conduct = canConduct(session.role);
  return (
    <>
      <KindDetailPage key={epoch} path="internal-audits" />
      <div className="page" data-testid="audit-workflow">
        {data.error ? <ErrorBanner error={data.error} title="The audit's workflow could not be loaded." /> : null}
        {!data.data ? (
          data.error ? null : <Loading />
        ) : (
          <>
            <p data-testid="audit-status">
              Status: <strong>{statusLabels[data.data.audit.status] ?? data.data.audit.status}</strong>
              {data.data.audit.status === 'signed_off' ? ' — frozen: nothing in this audit can change.' : null}
            </p>
            {data.data.warnings.length ? (
              <Banner kind="warning" testId="independence-warnings">
                <strong>Independence:</strong> an auditor may not audit their own work.
                <ul>
                  {data.data.warnings.map((w) => (
                    <li key={`${w.auditor}-${w.kind}-${w.record}`}>
                      {w.auditor_email} {w.reason}.
                    </li>
                  ))}
                </ul>
              </Banner>
            ) : null}
            <div role="tablist" aria-label="Audit work" className="page-actions">
              {tabs.map((t) => (
                <button key={t.id} type="button" role="tab" id={`audit-tab-${t.id}`} aria-controls={`audit-panel-${t.id}`}
                  aria-selected={tab === t.id} className={`btn${tab === t.id ? ' btn-primary' : ''}`}
                  data-testid={`audit-tab-${t.id}`} onClick={() => setTab(t.id)}>
                  {t.label}
                </button>
              ))}
            </div>
            <section className="card" role="tabpanel" id={`audit-panel-${tab}`} aria-labelledby={`audit-tab-${tab}`}>
              {tab === 'checklist' ? <ChecklistTab audit={data.data.audit} etag={data.data.etag} conduct={conduct} onChanged={changed} /> : null}
              {tab === 'findings' ? <FindingsTab audit={data.data.audit} canRaise={session.canWrite} /> : null}
              {tab === 'requests' ? <RequestsTab audit={data.data.audit} conduct={conduct} me={session.me?.user.id} /> : null}
              {tab === 'sampling' ? <SamplingTab audit={data.data.audit} etag={data.data.etag} conduct={conduct} onChanged={changed} /> : null}
              {tab === 'signoff' ? (
                <SignOffTab audit={data.data.audit} etag={data.data.etag} conduct={conduct} me={session.me?.user.id} canWrite={session.canWrite} onChanged={changed} />
              ) : null}
            </section>
          </>
        )}
      </div>
    </>
  );
}
