// Editing an AI system with optimistic concurrency: PATCH carries If-Match with the ETag read.
import { useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../lib/api';
import { useAsync, useTitle } from '../../../lib/hooks';
import { fieldErrors } from '../../../lib/problem';
import { Banner, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth/components/SessionProvider';
import { getSystem, updateSystem } from '../api';
import { clientErrors, formFromSystem, patchFromForm, type FormValues } from '../form';
import { SystemForm } from './SystemForm';

export function SystemEditPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const loaded = useAsync((signal) => getSystem(id, signal), [id]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  // Bumped on reload so the form starts again from the fresh version.
  const [formKey, setFormKey] = useState(0);
  useTitle(loaded.data ? `Edit ${loaded.data.system.name}` : 'Edit AI system');

  if (!session.canWrite) return <Navigate to={`/systems/${encodeURIComponent(id)}`} replace />;
  if (loaded.loading && !loaded.data) return <Loading />;
  if (loaded.error || !loaded.data) return <ErrorBanner error={loaded.error} title="The AI system could not be loaded." />;
  const { system, etag } = loaded.data;
  const detailUrl = `/systems/${encodeURIComponent(system.id)}`;

  async function submit(values: FormValues) {
    const local = clientErrors(values);
    setErrors(local);
    setError(null);
    if (Object.keys(local).length) return;
    const patch = patchFromForm(system, values);
    if (Object.keys(patch).length === 0) {
      navigate(detailUrl, { state: { flash: 'Nothing was changed.' } });
      return;
    }
    if (!etag) {
      setError(new Error('The server sent no version tag (ETag) for this AI system, so it cannot be changed safely.'));
      return;
    }
    setBusy(true);
    try {
      await updateSystem(system.id, patch, etag);
      navigate(detailUrl, { state: { flash: 'Changes saved.' } });
    } catch (e) {
      const fields = e instanceof ApiError ? fieldErrors(e.problem) : {};
      if (e instanceof ApiError && e.status === 412) {
        setConflict(true);
      } else {
        setError(e);
        setErrors(fields);
      }
      // Field errors take focus themselves; anything else is explained at the top.
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
        <Link to="/systems">AI systems</Link> <span aria-hidden="true">/</span> <Link to={detailUrl}>{system.name}</Link>{' '}
        <span aria-hidden="true">/</span> Edit
      </nav>
      <h1>Edit {system.name}</h1>
      {conflict ? (
        <Banner kind="warning" testId="conflict-banner">
          <p>
            <strong>Someone else changed this AI system</strong> after you opened it, so your changes were not saved.
            Reload to see the latest version, then make your changes again.
          </p>
          <button type="button" className="btn" onClick={reload}>
            Reload latest version
          </button>
        </Banner>
      ) : null}
      <ErrorBanner error={error} />
      <SystemForm
        key={`${formKey}-${system.version}`}
        mode="edit"
        systemId={system.id}
        initial={formFromSystem(system)}
        errors={errors}
        busy={busy}
        submitLabel="Save changes"
        onSubmit={submit}
        onCancel={() => navigate(detailUrl)}
      />
    </div>
  );
}
