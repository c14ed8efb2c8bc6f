// The frame of one impact assessment: its reference, title, AI system, status, outcome and
// re-assessment state, the workflow and export actions, and the tabs (assessment form, Art. 27
// view, versions, history). The tab pages read the record from the outlet context.
import { useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useOutletContext, useParams } from 'react-router-dom';
import { Breadcrumbs, loadGate } from '../../../components/RecordPage';
import { useAsync, useTitle } from '../../../lib/hooks';
import { formatDate, formatDateTime } from '../../../lib/labels';
import { Banner } from '../../../lib/ui';
import { getImpact, getSettings, type ImpactAssessment, type ImpactSettings, type Versioned } from '../api';
import { fieldLabels, reasonLabels } from '../labels';
import { DueBadge, FriaBadge, ImpactStatusBadge, LevelBadge } from './badges';
import { impactPath } from './ImpactListPage';
import { WorkflowActions } from './WorkflowActions';

export interface ImpactContext {
  assessment: ImpactAssessment;
  etag: string | null;
  settings: ImpactSettings | undefined;
  /** Replaces the record after a write. */
  setAssessment: (v: Versioned) => void;
  reload: () => void;
  /** Whether the form holds unsaved changes (submitting waits for a save). */
  dirty: boolean;
  setDirty: (d: boolean) => void;
}

export function useImpact(): ImpactContext {
  return useOutletContext<ImpactContext>();
}

const tabs = [
  { to: '', label: 'Assessment', testId: 'tab-form', end: true },
  { to: 'fria', label: 'EU AI Act Art. 27', testId: 'tab-fria', end: false },
  { to: 'versions', label: 'Versions', testId: 'tab-versions', end: false },
  { to: 'history', label: 'History', testId: 'tab-history', end: false },
] as const;

export function ImpactLayout() {
  const { id = '' } = useParams();
  const location = useLocation();
  const loaded = useAsync((signal) => getImpact(id, signal), [id]);
  const settings = useAsync((signal) => getSettings(signal), []);
  const [dirty, setDirty] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);
  const routeFlash = (location.state as { flash?: string } | null)?.flash;
  useTitle(loaded.data ? `${loaded.data.assessment.ref} ${loaded.data.assessment.title}` : 'Impact assessment');

  const gate = loadGate(loaded, ['/impact', 'Impact assessments'], 'The impact assessment could not be loaded.');
  if (gate || !loaded.data) return gate;
  const { assessment: a, etag } = loaded.data;
  const ctx: ImpactContext = {
    assessment: a, etag, settings: settings.data?.settings, setAssessment: loaded.setData, reload: loaded.reload, dirty, setDirty,
  };
  const due = a.reassessment_due;

  return (
    <div className="page page-wide" data-testid="impact-page">
      <Breadcrumbs links={[['/impact', 'Impact assessments']]}>{a.ref}</Breadcrumbs>
      <div className="page-head">
        <div>
          <h1 data-testid="impact-title">
            <span className="muted mono">{a.ref}</span> {a.title}
          </h1>
          <div className="head-badges">
            <ImpactStatusBadge value={a.status} />
            <LevelBadge value={a.outcome} testId="ia-outcome" />
            <DueBadge due={due} />
            <FriaBadge required={a.fria_required} />
          </div>
          <dl className="meta-row meta-inline">
            <div>
              <dt>AI system</dt>
              <dd>{a.system ? <Link to={`/systems/${encodeURIComponent(a.system.id)}`}>{a.system.name}</Link> : a.system_id}</dd>
            </div>
            <div>
              <dt>Version</dt>
              <dd>{a.version}</dd>
            </div>
            <div>
              <dt>Approved</dt>
              <dd>{a.approved_version ? `v${a.approved_version}, ${formatDateTime(a.approved_at ?? undefined)}` : 'Not yet'}</dd>
            </div>
            <div>
              <dt>Next review</dt>
              <dd>{a.next_review_date ? formatDate(a.next_review_date) : '—'}</dd>
            </div>
          </dl>
        </div>
        <WorkflowActions ctx={ctx} onDone={(message) => setFlash(message)} />
      </div>
      {flash || routeFlash ? (
        <Banner kind="success" testId="flash">
          {flash ?? routeFlash}
        </Banner>
      ) : null}
      {due.due ? (
        <Banner kind="warning" testId="reassessment-banner">
          <p>
            <strong>Re-assessment due:</strong> {due.reasons.map((r) => reasonLabels[r] ?? r).join(' and ')} since version {a.approved_version} was
            approved{due.next_review_date ? ` (review date ${formatDate(due.next_review_date)})` : ''}.
          </p>
          {due.changed_fields.length ? (
            <ul className="ia-changed" data-testid="changed-fields">
              {due.changed_fields.map((c) => (
                <li key={c.field}>
                  <strong>{fieldLabels[c.field] ?? c.field.replace(/_/g, ' ')}</strong>: {show(c.from)} → {show(c.to)}
                </li>
              ))}
            </ul>
          ) : null}
        </Banner>
      ) : null}
      <nav className="tabs" aria-label="Impact assessment">
        {tabs.map((t) => (
          <NavLink key={t.label} to={t.to ? `${impactPath(a.id)}/${t.to}` : impactPath(a.id)} end={t.end}
            className={({ isActive }) => `tab${isActive ? ' active' : ''}`} data-testid={t.testId}>
            {t.label}
          </NavLink>
        ))}
      </nav>
      <Outlet context={ctx} />
    </div>
  );
}

function show(v: unknown): string {
  if (Array.isArray(v)) return v.length ? v.join('; ') : '—';
  if (v === null || v === undefined || v === '') return '—';
  return String(v);
}
