// One AI system: all fields grouped, edit, archive/restore, and its history.
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { DetailTabs, MetaRow, useTabParam } from '../../../components/records/DetailTabs';
import { Breadcrumbs, FlashBanner, LoadFailed, PageHead, useFlash } from '../../../components/RecordPage';
import { errorMessage } from '../../../lib/api';
import { useAsync, useTitle } from '../../../lib/hooks';
import { formatDateTime, labelOf } from '../../../lib/labels';
import { Banner, ClassBadge, ConfirmDialog, Loading, StatusBadge } from '../../../lib/ui';
import { useSession } from '../../auth';
import { archiveSystem, getSystem, restoreSystem, type AiSystem } from '../api';
import { fieldGroups, type FieldDef } from '../fields';
import { EvidencePanel } from '../../evidence';
import { HistoryTab } from './HistoryTab';

function FieldValue({ def, system }: { def: FieldDef; system: AiSystem }) {
  const raw = (system as Record<string, unknown>)[def.key];
  switch (def.kind) {
    case 'lines': {
      const items = Array.isArray(raw) ? (raw as string[]) : [];
      if (items.length === 0) return <span className="muted">—</span>;
      return (
        <ul className="chips">
          {items.map((x, i) => (
            <li key={`${i}-${x}`} className="chip">
              {x}
            </li>
          ))}
        </ul>
      );
    }
    case 'bool':
      return <span>{raw === true ? 'Yes' : 'No'}</span>;
    case 'select':
      if (def.key === 'eu_ai_act_class') return <ClassBadge value={system.eu_ai_act_class} />;
      if (def.key === 'status') return <StatusBadge value={system.status} />;
      return <span>{labelOf(def.options, raw as string)}</span>;
    default: {
      const s = typeof raw === 'string' ? raw : '';
      return s ? <span className="prewrap">{s}</span> : <span className="muted">—</span>;
    }
  }
}

export function SystemDetailPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const session = useSession();
  const loaded = useAsync((signal) => getSystem(id, signal), [id]);
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const flash = useFlash();
  const [tab, selectTab] = useTabParam(['details', 'history'] as const);
  useTitle(loaded.data?.system.name ?? 'AI system');

  if (loaded.loading && !loaded.data) return <Loading />;
  if (loaded.error || !loaded.data) {
    return (
      <LoadFailed back={['/systems', 'AI systems']} error={loaded.error} title="The AI system could not be loaded." />
    );
  }
  const { system } = loaded.data;

  async function archiveOrRestore() {
    setBusy(true);
    setActionError(null);
    try {
      const next = system.archived ? await restoreSystem(system.id) : await archiveSystem(system.id);
      loaded.setData(next);
      setConfirm(false);
      navigate(location.pathname + location.search, {
        replace: true,
        state: { flash: next.system.archived ? 'The AI system was archived.' : 'The AI system was restored.' },
      });
    } catch (e) {
      setActionError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page" data-testid="system-detail">
      <Breadcrumbs links={[['/systems', 'AI systems']]}>{system.name}</Breadcrumbs>
      <PageHead
        title={system.name}
        badges={
          <>
            <ClassBadge value={system.eu_ai_act_class} />
            <StatusBadge value={system.status} archived={system.archived} />
            {system.gpai ? <span className="badge badge-neutral">GPAI</span> : null}
            {system.in_scope === false ? <span className="badge badge-neutral">Out of scope</span> : null}
          </>
        }
        actions={
          <>
            <Link className="btn" to={`/systems/${encodeURIComponent(system.id)}/classification`} data-testid="classification-link">EU AI Act classification</Link>
            {session.canWrite && !system.archived ? (
              <Link className="btn btn-primary" to={`/systems/${encodeURIComponent(system.id)}/edit`}>
                Edit
              </Link>
            ) : null}
            {session.canManage ? (
              <button type="button" className={`btn ${system.archived ? '' : 'btn-danger-outline'}`} onClick={() => setConfirm(true)}>
                {system.archived ? 'Restore' : 'Archive'}
              </button>
            ) : null}
          </>
        }
      />
      <FlashBanner message={flash} />
      {system.archived ? (
        <Banner kind="info">This AI system is archived. It is kept with its history and can be restored.</Banner>
      ) : null}
      {actionError && !confirm ? <div className="banner banner-error" role="alert">{actionError}</div> : null}
      <MetaRow
        items={[
          ['Id', system.id, 'mono'],
          ['Version', system.version],
          ['Created', `${formatDateTime(system.created_at)} by ${system.created_by}`],
          ['Last changed', `${formatDateTime(system.updated_at)} by ${system.updated_by}`],
        ]}
      />

      <DetailTabs label="AI system" tabs={['details', 'history'] as const} current={tab} onSelect={selectTab} title={(t) => (t === 'details' ? 'Details' : 'History')}>
        {tab === 'details' ? (
          <div className="detail-groups">
            {fieldGroups.map((g) => (
              <section key={g.id} className="card" aria-labelledby={`group-${g.id}`}>
                <h2 id={`group-${g.id}`}>{g.title}</h2>
                <dl className="fields">
                  {g.fields.map((f) => (
                    <div key={f.key} className="field-row" data-field={f.key}>
                      <dt>{f.label}</dt>
                      <dd>
                        <FieldValue def={f} system={system} />
                      </dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
            <EvidencePanel target={`system:${system.id}`} what="this AI system" />
          </div>
        ) : (
          <HistoryTab systemId={system.id} version={system.version} />
        )}
      </DetailTabs>

      <ConfirmDialog
        open={confirm}
        title={system.archived ? 'Restore this AI system?' : 'Archive this AI system?'}
        confirmLabel={system.archived ? 'Restore' : 'Archive'}
        danger={!system.archived}
        busy={busy}
        onConfirm={() => void archiveOrRestore()}
        onCancel={() => {
          setConfirm(false);
          setActionError(null);
        }}
      >
        <p>
          {system.archived
            ? `“${system.name}” will be listed with the active AI systems again.`
            : `“${system.name}” will be hidden from the list and the dashboard. Nothing is deleted: it keeps its history and can be restored.`}
        </p>
        {actionError ? <div className="banner banner-error" role="alert">{actionError}</div> : null}
      </ConfirmDialog>
    </div>
  );
}
