// Editing a risk with optimistic concurrency: PATCH carries If-Match with the ETag read; a 412
// offers to reload the latest version.
import { useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../lib/api';
import { useAsync, useTitle } from '../../../lib/hooks';
import { fieldErrors } from '../../../lib/problem';
import { Banner, ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth/components/SessionProvider';
import { getCriteria, getRisk, updateRisk } from '../api';
import { formFromRisk, patchFromForm, riskFormErrors, type RiskFormValues } from '../risks';
import { RiskForm } from './RiskForm';

export function RiskEditPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const loaded = useAsync(async (signal) => {
    const [r, c] = await Promise.all([getRisk(id, signal), getCriteria(signal)]);
    return { ...r, criteria: c.criteria };
  }, [id]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);
  useTitle(loaded.data ? `Edit ${loaded.data.risk.id}` : 'Edit risk');

  if (!session.canWrite) return <Navigate to={`/risks/${encodeURIComponent(id)}`} replace />;
  if (loaded.loading && !loaded.data) return <Loading />;
  if (loaded.error || !loaded.data) return <ErrorBanner error={loaded.error} title="The risk could not be loaded." />;
  const { risk, etag, criteria } = loaded.data;
  const detailUrl = `/risks/${encodeURIComponent(risk.id)}`;

  async function submit(values: RiskFormValues) {
    const local = riskFormErrors(values);
    setErrors(local);
    setError(null);
    if (Object.keys(local).length) return;
    const patch = patchFromForm(risk, values);
    if (Object.keys(patch).length === 0) {
      navigate(detailUrl, { state: { flash: 'Nothing was changed.' } });
      return;
    }
    if (!etag) {
      setError(new Error('The server sent no version tag (ETag) for this risk, so it cannot be changed safely.'));
      return;
    }
    setBusy(true);
    try {
      const saved = await updateRisk(risk.id, patch, etag);
      const withdrawn = risk.acceptance_state === 'accepted' && saved.risk.acceptance_state === 'withdrawn';
      navigate(detailUrl, { state: { flash: withdrawn ? 'Changes saved. The new residual score withdrew the acceptance.' : 'Changes saved.' } });
    } catch (e) {
      const fields = e instanceof ApiError ? fieldErrors(e.problem) : {};
      if (e instanceof ApiError && e.status === 412) setConflict(true);
      else {
        setError(e);
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
        <Link to="/risks">Risks</Link> <span aria-hidden="true">/</span> <Link to={detailUrl}>{risk.id}</Link> <span aria-hidden="true">/</span> Edit
      </nav>
      <h1>
        Edit {risk.id}: {risk.title}
      </h1>
      {risk.acceptance_state === 'accepted' ? (
        <Banner kind="info">This risk is formally accepted. Changing its residual likelihood or impact withdraws the acceptance.</Banner>
      ) : null}
      {conflict ? (
        <Banner kind="warning" testId="conflict-banner">
          <p>
            <strong>Someone else changed this risk</strong> after you opened it, so your changes were not saved. Reload to see the latest
            version, then make your changes again.
          </p>
          <button type="button" className="btn" onClick={reload}>
            Reload latest version
          </button>
        </Banner>
      ) : null}
      <ErrorBanner error={error} />
      <RiskForm
        key={`${formKey}-${risk.version}`}
        criteria={criteria}
        initial={formFromRisk(risk)}
        errors={errors}
        busy={busy}
        submitLabel="Save changes"
        onSubmit={(v) => void submit(v)}
        onCancel={() => navigate(detailUrl)}
      />
    </div>
  );
}
