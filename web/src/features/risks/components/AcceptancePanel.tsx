// Formal acceptance of a risk's residual level: where it stands, who accepted it, why and until
// when; accepting (in a confirmation dialog with the rationale and expiry) for the roles the
// criteria allow and within the threshold; withdrawing with a confirmation.
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../lib/api';
import { formatDate, formatDateTime } from '../../../lib/labels';
import { fieldErrors } from '../../../lib/problem';
import type { Role } from '../../../lib/roles';
import { ConfirmDialog, Field } from '../../../lib/ui';
import { riskAcceptanceBlock, useSegregation } from '../../org';
import { acceptRisk, withdrawAcceptance, type Risk, type RiskCriteria, type VersionedRisk } from '../api';
import { AcceptanceBadge } from './parts';

interface Props {
  risk: Risk;
  etag: string | null;
  criteria: RiskCriteria;
  role: Role | undefined;
  /** The current user's email (segregation of duties). */
  me: string | undefined;
  onChanged: (next: VersionedRisk, message: string) => void;
  onConflict: () => void;
}

const inDays = (days: number) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

export function AcceptancePanel({ risk, etag, criteria, role, me, onChanged, onConflict }: Props) {
  const [accepting, setAccepting] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [rationale, setRationale] = useState('');
  const [expires, setExpires] = useState(inDays(365));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const a = risk.acceptance;
  const mayAccept = !!role && (criteria.accept_roles as string[]).includes(role);
  const threshold = criteria.levels.find((l) => l.id === criteria.acceptance_threshold);
  const rank = (id: string) => criteria.levels.findIndex((l) => l.id === id);
  const aboveThreshold = rank(risk.residual.level.id) > rank(criteria.acceptance_threshold);
  const inForce = !!a && !a.withdrawn_at;
  const ownWork = riskAcceptanceBlock(useSegregation(), risk, me);

  async function run(action: () => Promise<VersionedRisk>, message: string, close: () => void) {
    if (!etag) return;
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      const next = await action();
      close();
      onChanged(next, message);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        close();
        onConflict();
      } else {
        setError(errorMessage(e));
        if (e instanceof ApiError) setErrors(fieldErrors(e.problem));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card acceptance-card" aria-labelledby="acceptance-title" data-testid="acceptance">
      <div className="card-head">
        <h2 id="acceptance-title">Formal acceptance</h2>
        <AcceptanceBadge value={risk.acceptance_state} />
      </div>
      {a ? (
        <dl className="fields fields-compact">
          <div className="field-row">
            <dt>Accepted by</dt>
            <dd>
              {a.accepted_by} ({a.accepted_role}), {formatDateTime(a.accepted_at)}
            </dd>
          </div>
          <div className="field-row">
            <dt>Rationale</dt>
            <dd className="prewrap">{a.rationale}</dd>
          </div>
          <div className="field-row">
            <dt>Expires on</dt>
            <dd data-testid="acceptance-expires">{formatDate(a.expires_on)}</dd>
          </div>
          <div className="field-row">
            <dt>Residual when accepted</dt>
            <dd>
              {a.residual_likelihood} × {a.residual_impact} ({criteria.levels.find((l) => l.id === a.residual_level)?.name ?? a.residual_level})
            </dd>
          </div>
          {a.withdrawn_at ? (
            <div className="field-row">
              <dt>Withdrawn</dt>
              <dd>
                {formatDateTime(a.withdrawn_at)} by {a.withdrawn_by}: {a.withdrawn_reason}
              </dd>
            </div>
          ) : null}
        </dl>
      ) : (
        <p className="muted">The residual risk has not been formally accepted.</p>
      )}
      {risk.acceptance_state === 'expired' ? <p className="field-error">The acceptance has lapsed; review the risk and accept it again if it still holds.</p> : null}
      {risk.acceptance_state === 'exceeds_threshold' ? (
        <p className="field-error">The risk criteria changed: the residual level is now above the acceptance threshold ({threshold?.name}).</p>
      ) : null}
      {mayAccept ? (
        <div className="form-actions">
          {risk.status === 'closed' ? (
            <span className="muted small">A closed risk cannot be accepted.</span>
          ) : aboveThreshold ? (
            <span className="muted small" data-testid="accept-blocked">
              The residual level {risk.residual.level.name} is above the acceptance threshold ({threshold?.name}); treat the risk further before
              accepting it.
            </span>
          ) : (
            <>
              <button type="button" className="btn btn-primary" onClick={() => setAccepting(true)} disabled={!!ownWork}
                title={ownWork ?? undefined} data-testid="accept-risk">
                {inForce ? 'Renew acceptance…' : 'Accept residual risk…'}
              </button>
              {ownWork ? <span className="muted small blocked-reason" data-testid="accept-own-work">{ownWork}</span> : null}
            </>
          )}
          {inForce ? (
            <button type="button" className="btn btn-danger-outline" onClick={() => setWithdrawing(true)} data-testid="withdraw-acceptance">
              Withdraw acceptance…
            </button>
          ) : null}
        </div>
      ) : (
        <p className="muted small">Accepted by: {criteria.accept_roles.join(', ')} (set in the risk criteria).</p>
      )}

      <ConfirmDialog
        open={accepting}
        title={`Accept the residual risk of ${risk.id}?`}
        confirmLabel="Accept risk"
        busy={busy}
        onConfirm={() => void run(() => acceptRisk(risk.id, rationale.trim(), expires, etag ?? ''), `${risk.id} was accepted until ${formatDate(expires)}.`, () => setAccepting(false))}
        onCancel={() => {
          setAccepting(false);
          setError(null);
          setErrors({});
        }}
      >
        <p>
          You accept a residual level of <strong>{risk.residual.level.name}</strong> (likelihood {risk.residual.likelihood} × impact{' '}
          {risk.residual.impact}) on behalf of the organization. The acceptance lapses on the expiry date, and a change of the residual score withdraws it.
        </p>
        {error && !errors.rationale && !errors.expires_on ? <div className="banner banner-error" role="alert" data-testid="accept-error">{error}</div> : null}
        <Field label="Rationale" required error={errors.rationale} name="rationale">
          {({ id, describedBy, invalid }) => (
            <textarea id={id} name="rationale" rows={3} maxLength={2000} value={rationale} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => setRationale(e.target.value)} data-testid="accept-rationale" />
          )}
        </Field>
        <Field label="Expires on" required error={errors.expires_on} name="expires_on" hint="Within five years; the risk must be reviewed by then.">
          {({ id, describedBy, invalid }) => (
            <input id={id} name="expires_on" type="date" value={expires} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => setExpires(e.target.value)} data-testid="accept-expires" />
          )}
        </Field>
      </ConfirmDialog>

      <ConfirmDialog
        open={withdrawing}
        title={`Withdraw the acceptance of ${risk.id}?`}
        confirmLabel="Withdraw acceptance"
        danger
        busy={busy}
        onConfirm={() => void run(() => withdrawAcceptance(risk.id, reason.trim(), etag ?? ''), `The acceptance of ${risk.id} was withdrawn.`, () => setWithdrawing(false))}
        onCancel={() => {
          setWithdrawing(false);
          setError(null);
        }}
      >
        <p>The acceptance stays on record as withdrawn; the risk needs treatment or a new acceptance.</p>
        {error ? <div className="banner banner-error" role="alert">{error}</div> : null}
        <div className="field">
          <label htmlFor="withdraw-reason">Reason (optional)</label>
          <textarea id="withdraw-reason" rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      </ConfirmDialog>
    </section>
  );
}
