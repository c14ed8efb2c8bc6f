// The certification cycle: the current certificate and its status, the timeline of the three-year
// cycle with what is next, and the certification body's audits with their findings (each
// nonconformity found can raise an NC).
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/DataTable';
import { useAsync, useTitle } from '../../../lib/hooks';
import { Banner, EmptyState, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { findingLabels, getCycle, listAudits, listFindings, raiseNcLink, stateBadge, stateLabels, typeLabels, type CertFinding, type Cycle } from '../api';

function CertificateSection({ cycle }: { cycle: Cycle }) {
  const c = cycle.certificate;
  if (!c) {
    return (
      <EmptyState title="No certificate recorded yet" testId="cert-none">
        Record the certificate once the certification body has decided; until then the timeline shows the stage 1 and stage 2 audits.{' '}
        <Link to="/certificates/new">Record a certificate</Link>
      </EmptyState>
    );
  }
  return (
    <section className="card" aria-labelledby="cert-head" data-testid="cert-certificate">
      <h2 id="cert-head">
        Certificate <Link to={`/certificates/${encodeURIComponent(c.id ?? '')}`}>{c.certificate_number}</Link>{' '}
        <span className={stateBadge(c.status ?? '')} data-testid="cert-status">{stateLabels[c.status ?? ''] ?? c.status}</span>
      </h2>
      <dl className="facts">
        <dt>Certification body</dt>
        <dd>{c.certification_body}</dd>
        <dt>Standard</dt>
        <dd>ISO/IEC 42001:2023</dd>
        <dt>Issued</dt>
        <dd>{c.issued_on ?? '—'}</dd>
        <dt>Expires</dt>
        <dd data-testid="cert-expiry">{c.expiry ?? '—'}</dd>
        <dt>Scope version covered</dt>
        <dd>
          {c.scope_version ?? '—'}
          {cycle.scope?.changed_since ? (
            <span className="muted"> (the scope is at version {cycle.scope.current_version} now: tell the body about the change)</span>
          ) : null}
        </dd>
      </dl>
    </section>
  );
}

function Timeline({ cycle }: { cycle: Cycle }) {
  return (
    <section className="card" aria-labelledby="cert-timeline-head" data-testid="cert-timeline">
      <h2 id="cert-timeline-head">The three-year cycle</h2>
      {cycle.next ? (
        <p data-testid="cert-next">
          <strong>{cycle.next.text}</strong>
          {cycle.next.date ? <span className="muted"> ({cycle.next.date})</span> : null}
        </p>
      ) : (
        <p data-testid="cert-next">Every audit of the cycle is done.</p>
      )}
      <ol className="timeline">
        {cycle.milestones.map((m) => (
          <li key={m.type} data-testid={`cert-milestone-${m.type}`}>
            <strong>{m.label}</strong> <span className={stateBadge(m.state)}>{stateLabels[m.state] ?? m.state}</span>
            {m.date ? <span> {m.date}</span> : null}
            {m.due ? <span className="muted"> (due {m.due})</span> : null}
            {m.audit_id ? (
              <>
                {' '}
                <Link to={`/certification-audits/${encodeURIComponent(m.audit_id)}`}>{m.audit_id}</Link>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function FindingRows({ findings }: { findings: CertFinding[] }) {
  if (findings.length === 0) return <p className="muted">No findings recorded.</p>;
  return (
    <DataTable columns={['Finding', 'Type', 'Requirement', 'Description', 'Nonconformity']} className="table-compact">
      {findings.map((f) => (
        <tr key={f.id} data-finding={f.id}>
          <td>
            <Link to={`/certification-findings/${encodeURIComponent(f.id)}`}>{f.id}</Link>
          </td>
          <td>{findingLabels[f.type] ?? f.type}</td>
          <td className="mono">{f.requirement}</td>
          <td>{f.description}</td>
          <td>
            {f.nc_id ? (
              <Link to={`/nonconformities/${encodeURIComponent(f.nc_id)}`}>{f.nc_id}</Link>
            ) : f.type === 'major_nc' || f.type === 'minor_nc' ? (
              <Link to={raiseNcLink(f)} data-testid={`cert-raise-nc-${f.id}`}>Raise nonconformity</Link>
            ) : (
              '—'
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export function CertificationPage() {
  useTitle('Certification');
  const session = useSession();
  const cycle = useAsync((signal) => getCycle(signal), [session.orgEpoch]);
  const audits = useAsync((signal) => listAudits(signal), [session.orgEpoch]);
  const findings = useAsync((signal) => listFindings(signal), [session.orgEpoch]);
  return (
    <div className="page" data-testid="certification-page">
      <div className="page-head">
        <div>
          <h1>Certification</h1>
          <p className="muted">The ISO/IEC 42001 certificate, the certification body&apos;s audits over the three-year cycle and what comes next.</p>
        </div>
        <div className="page-actions">
          <Link className="btn" to="/certification/readiness">Stage 1 readiness</Link>
          <Link className="btn" to="/certification/evidence">Stage 2 evidence index</Link>
        </div>
      </div>
      {cycle.error ? <ErrorBanner error={cycle.error} title="The cycle could not be loaded." /> : null}
      {!cycle.data ? (cycle.error ? null : <Loading />) : (
        <>
          <CertificateSection cycle={cycle.data} />
          <Timeline cycle={cycle.data} />
          {cycle.data.findings && (cycle.data.findings.open_nc ?? 0) > 0 ? (
            <Banner kind="warning" testId="cert-open-nc">
              {cycle.data.findings.open_nc} nonconformity finding(s) of the body have no nonconformity raised yet.
            </Banner>
          ) : null}
        </>
      )}
      <section aria-labelledby="cert-audits-head">
        <div className="page-head">
          <h2 id="cert-audits-head">Audits of the certification body</h2>
          {session.canWrite ? (
            <div className="page-actions">
              <Link className="btn" to="/certification-audits/new">Record an audit</Link>
              <Link className="btn" to="/certification-findings/new">Record a finding</Link>
            </div>
          ) : null}
        </div>
        {audits.error ? <ErrorBanner error={audits.error} title="The audits could not be loaded." /> : null}
        {findings.error ? <ErrorBanner error={findings.error} title="The findings could not be loaded." /> : null}
        {!audits.data ? (audits.error ? null : <Loading />) : audits.data.length === 0 ? (
          <EmptyState title="No certification audits recorded yet" testId="cert-audits-empty">
            Record the stage 1 audit when the certification body has planned it.
          </EmptyState>
        ) : (
          audits.data.map((a) => (
            <section key={a.id} className="card" data-audit={a.id} aria-labelledby={`audit-${a.id}`}>
              <h3 id={`audit-${a.id}`}>
                <Link to={`/certification-audits/${encodeURIComponent(a.id)}`}>{a.id}</Link> {typeLabels[a.type] ?? a.type}: {a.title}{' '}
                <span className="badge badge-neutral">{a.status}</span>
              </h3>
              <p className="muted">
                {a.actual_start ? `Held ${a.actual_start}${a.actual_end && a.actual_end !== a.actual_start ? ` to ${a.actual_end}` : ''}` : `Planned ${a.planned_start ?? '—'}`}
                {a.auditors ? ` · Auditors: ${a.auditors}` : ''}
              </p>
              <FindingRows findings={(findings.data ?? []).filter((f) => f.audit_id === a.id)} />
            </section>
          ))
        )}
      </section>
    </div>
  );
}
