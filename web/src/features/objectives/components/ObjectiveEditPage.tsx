// Changing an AI objective with optimistic concurrency: PATCH carries If-Match with the ETag read,
// and a 412 offers to reload the latest version.
import { useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../lib/api';
import { useAsync, useTitle } from '../../../lib/hooks';
import { Banner, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth/components/SessionProvider';
import { getObjective, updateObjective } from '../api';
import { clientErrors, formFromObjective, patchFromForm, type FormValues } from '../form';
import { exactFieldErrors, loadFormOptions } from '../options';
import { ObjectiveForm } from './ObjectiveForm';

export function ObjectiveEditPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const loaded = useAsync(async (signal) => {
    const [o, options] = await Promise.all([getObjective(id, signal), loadFormOptions(signal)]);
    // A system archived since keeps its place in the choices, so that saving does not unlink it.
    const sid = o.objective.system_id;
    if (sid && !options.systems.some((s) => s.value === sid))
      options.systems.unshift({ value: sid, label: `${o.objective.system_name ?? sid} (archived)` });
    return { ...o, options };
  }, [id]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);
  useTitle(loaded.data ? `Edit ${loaded.data.objective.key}` : 'Edit AI objective');

  if (!session.canWrite) return <Navigate to={`/objectives/${encodeURIComponent(id)}`} replace />;
  if (loaded.loading && !loaded.data) return <Loading />;
  if (loaded.error || !loaded.data) return <ErrorBanner error={loaded.error} title="The objective could not be loaded." />;
  const { objective, etag, options } = loaded.data;
  const detailUrl = `/objectives/${encodeURIComponent(objective.key)}`;

  async function submit(values: FormValues) {
    const local = clientErrors(values);
    setErrors(local);
    setError(null);
    if (Object.keys(local).length) return;
    const patch = patchFromForm(objective, values);
    if (Object.keys(patch).length === 0) {
      navigate(detailUrl, { state: { flash: 'Nothing was changed.' } });
      return;
    }
    if (!etag) {
      setError(new Error('The server sent no version tag (ETag) for this objective, so it cannot be changed safely.'));
      return;
    }
    setBusy(true);
    try {
      await updateObjective(objective.id, patch, etag);
      navigate(detailUrl, { state: { flash: 'Changes saved.' } });
    } catch (e) {
      const fields = e instanceof ApiError ? exactFieldErrors(e.problem) : {};
      if (e instanceof ApiError && e.status === 412) setConflict(true);
      else {
        setError(Object.keys(fields).length ? null : e);
        setErrors(fields);
      }
      if (!Object.keys(fields).length) window.scrollTo({ top: 0 });
    } finally {
      setBusy(false);
    }
  }

  function reload() {
    setConflict(false);
    setErrors({});
    setError(null);
    loaded.reload();
    setFormKey((k) => k + 1);
  }

  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/objectives">AI objectives</Link> <span aria-hidden="true">/</span> <Link to={detailUrl}>{objective.key}</Link>{' '}
        <span aria-hidden="true">/</span> Edit
      </nav>
      <h1>
        Edit {objective.key}: {objective.title}
      </h1>
      {conflict ? (
        <Banner kind="warning" testId="conflict-banner">
          <p>
            <strong>Someone else changed this objective</strong> after you opened it, so your changes were not saved. Reload to see the
            latest version, then make your changes again.
          </p>
          <button type="button" className="btn" onClick={reload}>
            Reload latest version
          </button>
        </Banner>
      ) : null}
      <ErrorBanner error={error} />
      <ObjectiveForm
        key={`${formKey}-${objective.version}`}
        mode="edit"
        initial={formFromObjective(objective)}
        options={options}
        errors={errors}
        busy={busy}
        submitLabel="Save changes"
        onSubmit={(v) => void submit(v)}
        onCancel={() => navigate(detailUrl)}
      />
    </div>
  );
}
