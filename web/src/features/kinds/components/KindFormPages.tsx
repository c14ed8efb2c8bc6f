// Recording a new record of a schema-driven kind, and changing one with optimistic concurrency
// (PATCH with If-Match; a 412 offers the latest version); a record its workflow locked
// (components/records/locks.ts) shows why instead of the form.
import { RecordCreatePage } from '../../../components/records/CreatePage';
import { RecordEditPage } from '../../../components/records/EditPage';
import { createBody, emptyForm, formErrors, formFromRecord, patchBody, recordTitle } from '../../../components/records/kindModel';
import { createRecord, getRecord, updateRecord, type KindSchema } from '../../../components/records/kinds';
import { lockedReason } from '../../../components/records/locks';
import { Banner, ErrorBanner } from '../../../lib/ui';
import { KindForm } from './KindForm';
import { KindGate, type KindPageProps } from './parts';
import { useRefNames } from './refNames';

export function KindCreatePage({ path }: KindPageProps) {
  return <KindGate path={path}>{(kind) => <CreateRecord key={kind.path} kind={kind} />}</KindGate>;
}

export function KindEditPage({ path }: KindPageProps) {
  return <KindGate path={path}>{(kind) => <EditRecord key={kind.path} kind={kind} />}</KindGate>;
}

function CreateRecord({ kind }: { kind: KindSchema }) {
  const refs = useRefNames(kind);
  const listUrl = `/${kind.path}`;
  return (
    <RecordCreatePage
      canWrite={kind.can_write}
      list={[listUrl, kind.plural]}
      title={`New ${kind.noun}`}
      intro="Fields marked * are required."
      submitLabel={`Record ${kind.noun}`}
      notice={<ErrorBanner error={refs.error} title="The records this form refers to could not be loaded." />}
      initial={() => emptyForm(kind)}
      validate={(values) => formErrors(kind, values)}
      write={(values) => createRecord(kind, createBody(kind, values))}
      created={(r) => [`${listUrl}/${encodeURIComponent(r.id)}`, `${recordTitle(kind, r)} was recorded.`]}
      quietWithFieldErrors
      form={(props) => <KindForm {...props} kind={kind} refs={refs} />}
    />
  );
}

function EditRecord({ kind }: { kind: KindSchema }) {
  const refs = useRefNames(kind);
  return (
    <RecordEditPage
      load={(id, signal) => getRecord(kind, id, signal)}
      canWrite={kind.can_write}
      list={[`/${kind.path}`, kind.plural]}
      noun={kind.noun}
      view={({ record, etag }) => ({
        id: record.id,
        name: record.number ?? record.id,
        title: recordTitle(kind, record),
        windowTitle: recordTitle(kind, record),
        etag,
        version: record.version,
      })}
      notice={({ record }) => (record.archived ? <Banner kind="info">This {kind.noun} is archived; restore it before changing it.</Banner> : null)}
      locked={({ record }) => lockedReason(kind.path, record)}
      initial={({ record }) => formFromRecord(kind, record)}
      validate={(values) => formErrors(kind, values)}
      patch={({ record }, values) => patchBody(kind, record, values)}
      write={({ record }, patch, tag) => updateRecord(kind, record.id, patch, tag)}
      quietWithFieldErrors
      form={(props) => <KindForm {...props} kind={kind} refs={refs} />}
    />
  );
}
