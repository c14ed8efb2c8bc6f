// One record of a schema-driven kind: its fields, its facts (number, version, who and when), its
// history with audit proofs, the evidence linked to it, and archive/restore behind a confirmation.
// A record locked by its workflow (a signed-off audit or review, a closed nonconformity:
// components/records/locks.ts) offers neither Edit nor Archive, which the server would refuse, and says why.
import { ActionDialog, useConfirmedAction } from '../../../components/records/ActionDialog';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { DetailTabs, MetaRow, useTabParam } from '../../../components/records/DetailTabs';
import { fieldLabel, recordTitle, showValue } from '../../../components/records/kindModel';
import { getRecord, getRecordHistory, setArchived, type KindSchema } from '../../../components/records/kinds';
import { lockedReason } from '../../../components/records/locks';
import { RecordHistory } from '../../../components/records/RecordHistory';
import { ApiError } from '../../../lib/api';
import { useAsync, useTitle } from '../../../lib/hooks';
import { formatDateTime } from '../../../lib/labels';
import { Banner } from '../../../lib/ui';
import { loadGate } from '../../../components/RecordPage';
import { EvidencePanel } from '../../evidence';
import { RecordNotices } from '../../raci';
import { FieldValue, KindGate, KindHeading, type KindPageProps } from './parts';
import { useRefNames } from './refNames';

const tabs = ['details', 'history', 'evidence'] as const;
const tabTitles: Record<(typeof tabs)[number], string> = { details: 'Details', history: 'History', evidence: 'Evidence' };
const operationLabels: Record<string, string> = { create: 'Recorded', update: 'Updated', archive: 'Archived', restore: 'Restored' };

/** A kind's detail page; a record its workflow locked (components/records/locks.ts) offers no Edit or Archive and says why. */
export function KindDetailPage({ path }: KindPageProps) {
  return <KindGate path={path}>{(kind) => <RecordDetail key={kind.path} kind={kind} />}</KindGate>;
}

function RecordDetail({ kind }: { kind: KindSchema }) {
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const loaded = useAsync((signal) => getRecord(kind, id, signal), [kind.path, id]);
  const refs = useRefNames(kind);
  const [tab, selectTab] = useTabParam(tabs);
  const archive = useConfirmedAction();
  const flash = (location.state as { flash?: string } | null)?.flash;
  useTitle(loaded.data ? recordTitle(kind, loaded.data.record) : kind.title);
  const listUrl = `/${kind.path}`;

  const gate = loadGate(loaded, [listUrl, kind.plural], `The ${kind.noun} could not be loaded.`);
  if (gate || !loaded.data) return gate;
  const { record, etag } = loaded.data;
  const number = record.number ?? record.id;
  const name = recordTitle(kind, record).slice(number.length).trim();
  const lockedBecause = lockedReason(kind.path, record);

  function archiveOrRestore() {
    if (!etag) {
      archive.setError(`The server sent no version tag (ETag) for this ${kind.noun}, so it cannot be changed safely.`);
      return;
    }
    void archive.run(
      async () => {
        const next = await setArchived(kind, record.id, !record.archived, etag);
        loaded.setData(next);
        navigate(location.pathname + location.search, {
          replace: true,
          state: { flash: next.record.archived ? `${number} was archived.` : `${number} was restored.` },
        });
      },
      (e) => {
        if (!(e instanceof ApiError && e.status === 412)) return false;
        archive.setOpen(false);
        archive.setError(`Someone else changed this ${kind.noun} meanwhile; the latest version is shown. Check it and try again.`);
        loaded.reload();
        return true;
      },
    );
  }

  return (
    <div className="page" data-testid="kind-detail">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to={listUrl}>{kind.plural}</Link> <span aria-hidden="true">/</span> {number}
      </nav>
      <div className="page-head">
        <div>
          <KindHeading kind={kind}>
            <span className="mono">{number}</span> {name}
          </KindHeading>
          {record.archived ? (
            <div className="head-badges">
              <span className="badge badge-archived">Archived</span>
            </div>
          ) : null}
        </div>
        {kind.can_write && lockedBecause ? (
          <p className="muted small" data-testid="kind-locked">{lockedBecause}</p>
        ) : kind.can_write ? (
          <div className="page-actions">
            {!record.archived ? (
              <Link className="btn btn-primary" to={`${listUrl}/${encodeURIComponent(record.id)}/edit`} data-testid="kind-edit">
                Edit
              </Link>
            ) : null}
            <button type="button" className={`btn ${record.archived ? '' : 'btn-danger-outline'}`} onClick={() => archive.setOpen(true)} data-testid="kind-archive">
              {record.archived ? 'Restore' : 'Archive'}
            </button>
          </div>
        ) : null}
      </div>
      {flash ? (
        <Banner kind="success" testId="flash">
          {flash}
        </Banner>
      ) : null}
      {record.archived ? <Banner kind="info">This {kind.noun} is archived. It is kept with its history and can be restored.</Banner> : null}
      <RecordNotices record={record} />
      {archive.error && !archive.open ? (
        <div className="banner banner-error" role="alert" data-testid="action-error">
          {archive.error}
        </div>
      ) : null}
      <MetaRow
        items={[
          ['Number', number, 'mono'],
          ['Version', record.version],
          ['Recorded', `${formatDateTime(record.created_at)} by ${record.created_by}`],
          ['Last changed', `${formatDateTime(record.updated_at)} by ${record.updated_by}`],
        ]}
      />

      <DetailTabs label={kind.title} tabs={tabs} current={tab} onSelect={selectTab} title={(t) => tabTitles[t]}>
        {tab === 'details' ? (
          <section className="card" aria-label={kind.title}>
            <dl className="fields">
              {kind.fields.map((f) => (
                <div key={f.name} className="field-row" data-field={f.name}>
                  <dt>{f.label}</dt>
                  <dd>
                    <FieldValue field={f} value={record[f.name]} refs={refs} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ) : tab === 'history' ? (
          <RecordHistory
            load={(id, cursor, signal) => getRecordHistory(kind, id, cursor, signal)}
            recordId={record.id}
            version={record.version}
            recordType={kind.kind}
            operationLabels={operationLabels}
            fieldLabel={(f) => fieldLabel(kind, f)}
            showValue={(f, v) => showValue(kind.fields.find((x) => x.name === f), v, refs.names)}
          />
        ) : (
          <EvidencePanel target={`${kind.kind}:${record.id}`} what={`this ${kind.noun}`} />
        )}
      </DetailTabs>

      <ActionDialog
        action={archive}
        title={record.archived ? `Restore this ${kind.noun}?` : `Archive this ${kind.noun}?`}
        confirmLabel={record.archived ? 'Restore' : 'Archive'}
        danger={!record.archived}
        onConfirm={archiveOrRestore}
      >
        <p>
          {record.archived
            ? `${number} will be listed with the active ${kind.plural.toLowerCase()} again.`
            : `${number} will be hidden from the list. Nothing is deleted: it keeps its history and can be restored.`}
        </p>
      </ActionDialog>
    </div>
  );
}
