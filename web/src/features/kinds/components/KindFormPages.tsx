// Recording a new record of a schema-driven kind, and changing one with optimistic concurrency
// (PATCH with If-Match; a 412 offers the latest version).
import { useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router-dom';
import { createBody, emptyForm, formErrors, formFromRecord, patchBody, recordTitle, type KindFormValues } from '../../../components/records/kindModel';
import { createRecord, getRecord, updateRecord, type KindSchema } from '../../../components/records/kinds';
import { scrollUnlessFields, useFormSubmit } from '../../../components/records/useFormSubmit';
import { ConflictBanner, useVersionedEdit } from '../../../components/records/useVersionedEdit';
import { useAsync, useTitle } from '../../../lib/hooks';
import { Banner, ErrorBanner, Loading } from '../../../lib/ui';
import { KindForm } from './KindForm';
import { KindGate, useSystemNames, type KindPageProps } from './parts';

export function KindCreatePage({ path }: KindPageProps) {
  return <KindGate path={path}>{(kind) => <CreateRecord key={kind.path} kind={kind} />}</KindGate>;
}

export function KindEditPage({ path }: KindPageProps) {
  return <KindGate path={path}>{(kind) => <EditRecord key={kind.path} kind={kind} />}</KindGate>;
}

function CreateRecord({ kind }: { kind: KindSchema }) {
  useTitle(`New ${kind.noun}`);
  const navigate = useNavigate();
  const form = useFormSubmit();
  const systems = useSystemNames();
  const [initial] = useState(() => emptyForm(kind));
  const listUrl = `/${kind.path}`;

  if (!kind.can_write) return <Navigate to={listUrl} replace />;

  function submit(values: KindFormValues) {
    void form.submit({
      validate: () => formErrors(kind, values),
      write: () => createRecord(kind, createBody(kind, values)),
      onSaved: (created) =>
        navigate(`${listUrl}/${encodeURIComponent(created.id)}`, { state: { flash: `${recordTitle(kind, created)} was recorded.` } }),
      quietWithFieldErrors: true,
      onFailed: scrollUnlessFields,
    });
  }

  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to={listUrl}>{kind.plural}</Link> <span aria-hidden="true">/</span> New
      </nav>
      <h1>New {kind.noun}</h1>
      <p className="muted">Fields marked * are required.</p>
      <ErrorBanner error={form.error} />
      <ErrorBanner error={systems.error} title="The AI systems could not be loaded." />
      <KindForm
        kind={kind}
        initial={initial}
        errors={form.errors}
        busy={form.busy}
        systems={systems.names}
        submitLabel={`Record ${kind.noun}`}
        onSubmit={submit}
        onCancel={() => navigate(listUrl)}
      />
    </div>
  );
}

function EditRecord({ kind }: { kind: KindSchema }) {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const loaded = useAsync((signal) => getRecord(kind, id, signal), [kind.path, id]);
  const edit = useVersionedEdit(loaded.reload);
  const systems = useSystemNames();
  useTitle(loaded.data ? `Edit ${recordTitle(kind, loaded.data.record)}` : `Edit ${kind.noun}`);
  const detailUrl = `/${kind.path}/${encodeURIComponent(id)}`;

  if (!kind.can_write) return <Navigate to={detailUrl} replace />;
  if (loaded.loading && !loaded.data) return <Loading />;
  if (loaded.error || !loaded.data) return <ErrorBanner error={loaded.error} title={`The ${kind.noun} could not be loaded.`} />;
  const { record, etag } = loaded.data;
  const what = `this ${kind.noun}`;

  function submit(values: KindFormValues) {
    void edit.save({
      validate: () => formErrors(kind, values),
      patch: () => patchBody(kind, record, values),
      onUnchanged: () => navigate(detailUrl, { state: { flash: 'Nothing was changed.' } }),
      etag,
      noun: what,
      write: (patch, tag) => updateRecord(kind, record.id, patch, tag),
      onSaved: () => navigate(detailUrl, { state: { flash: 'Changes saved.' } }),
      quietWithFieldErrors: true,
      onFailed: scrollUnlessFields,
    });
  }

  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to={`/${kind.path}`}>{kind.plural}</Link> <span aria-hidden="true">/</span> <Link to={detailUrl}>{record.number ?? record.id}</Link>{' '}
        <span aria-hidden="true">/</span> Edit
      </nav>
      <h1>Edit {recordTitle(kind, record)}</h1>
      {record.archived ? <Banner kind="info">This {kind.noun} is archived; restore it before changing it.</Banner> : null}
      <ConflictBanner edit={edit} what={what} />
      <ErrorBanner error={edit.error} />
      <KindForm
        key={`${edit.formKey}-${record.version}`}
        kind={kind}
        initial={formFromRecord(kind, record)}
        errors={edit.errors}
        busy={edit.busy}
        systems={systems.names}
        submitLabel="Save changes"
        onSubmit={submit}
        onCancel={() => navigate(detailUrl)}
      />
    </div>
  );
}
