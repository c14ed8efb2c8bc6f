// The audit log of the organization (SPEC §9): the latest signed checkpoint (its signature checked
// in the browser), the public key to verify with, the export for offline verification, and — for
// auditors, managers and admins — the entries themselves.
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../lib/api';
import { useAsync, usePendingAction, useTitle } from '../../../lib/hooks';
import { formatDateTime } from '../../../lib/labels';
import { ErrorBanner, Loading } from '../../../lib/ui';
import { useSession } from '../../auth';
import { downloadAuditPack, exportLog, getCheckpoint, getPublicKey } from '../api';
import { openCheckpoint, parseVerifierKey } from '../verify';
import { AuditEntries } from './AuditEntries';

/** Auditors, managers and admins read the whole log. */
export function canReadLog(role: string | undefined): boolean {
  return role === 'admin' || role === 'manager' || role === 'auditor';
}

function SignatureCheck({ note, verifierKey }: { note: string; verifierKey: string }) {
  const [state, setState] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    let live = true;
    void parseVerifierKey(verifierKey)
      .then((vk) => openCheckpoint(note, vk))
      .then(
        (cp) => live && setState({ ok: true, text: `Signature verified in your browser (size ${cp.size}).` }),
        (e: unknown) => live && setState({ ok: false, text: `The signature does not verify: ${errorMessage(e)}` }),
      );
    return () => {
      live = false;
    };
  }, [note, verifierKey]);
  if (!state) return <span className="proof proof-checking">Checking the signature…</span>;
  return (
    <span className={`proof ${state.ok ? 'proof-verified' : 'proof-failed'}`} data-testid="checkpoint-signature" data-status={state.ok ? 'verified' : 'failed'}>
      {state.ok ? '✓ ' : '✗ '}
      {state.text}
    </span>
  );
}

export function AuditPage() {
  useTitle('Audit log');
  const session = useSession();
  const checkpoint = useAsync((signal) => getCheckpoint(signal), []);
  const key = useAsync((signal) => getPublicKey(signal), []);
  const exporting = usePendingAction();
  const full = canReadLog(session.role);
  const doExport = (what: 'log' | 'pack' = 'log') => exporting.run(what === 'pack' ? downloadAuditPack : exportLog);

  return (
    <div className="page">
      <div className="page-head">
        <h1>Audit log</h1>
        {full ? (
          <button type="button" className="btn btn-primary" onClick={() => void doExport()} disabled={exporting.busy} data-testid="audit-export">
            {exporting.busy ? 'Exporting…' : 'Export the log'}
          </button>
        ) : null}
        {full ? (
          <button type="button" className="btn" onClick={() => void doExport('pack')} disabled={exporting.busy} data-testid="audit-pack">
            Download auditor package
          </button>
        ) : null}
      </div>
      <p className="muted">
        Every change to every record of this organization is appended to a tamper-evident log: a Merkle tree (RFC 6962) whose
        checkpoints are signed. Anyone holding a checkpoint and the public key below can check, offline, that the history
        was not rewritten.
      </p>
      {exporting.error ? <div className="banner banner-error" role="alert">{exporting.error}</div> : null}
      <ErrorBanner error={checkpoint.error ?? key.error} title="The audit log could not be loaded." />
      {(checkpoint.loading && !checkpoint.data) || (key.loading && !key.data) ? <Loading /> : null}
      {checkpoint.data && key.data ? (
        <div className="audit-grid">
          <section className="card" data-testid="audit-checkpoint">
            <h2>Latest checkpoint</h2>
            <dl className="meta-row">
              <div>
                <dt>Entries</dt>
                <dd data-testid="audit-size">{checkpoint.data.size}</dd>
              </div>
              <div>
                <dt>Root hash</dt>
                <dd>
                  <code className="audit-key">{checkpoint.data.root_hash}</code>
                </dd>
              </div>
              <div>
                <dt>Signed</dt>
                <dd>{formatDateTime(checkpoint.data.created_at)}</dd>
              </div>
            </dl>
            <SignatureCheck note={checkpoint.data.checkpoint} verifierKey={key.data.verifier_key} />
            <pre className="audit-note">{checkpoint.data.checkpoint}</pre>
          </section>
          <section className="card" data-testid="audit-public-key">
            <h2>Public key</h2>
            <dl className="meta-row">
              <div>
                <dt>Key name</dt>
                <dd>
                  <code>{key.data.key_name}</code>
                </dd>
              </div>
              <div>
                <dt>Key ID</dt>
                <dd>
                  <code>{key.data.key_id}</code>
                </dd>
              </div>
              <div>
                <dt>Algorithm</dt>
                <dd>{key.data.algorithm}</dd>
              </div>
            </dl>
            <p className="muted">Verifier key (keep a copy outside aims):</p>
            <pre className="audit-note" data-testid="audit-verifier-key">{key.data.verifier_key}</pre>
            <p className="muted">Check an export offline:</p>
            <pre className="audit-note">aims audit verify --log audit-log.jsonl --checkpoint checkpoint.txt --key '{key.data.verifier_key}'</pre>
          </section>
        </div>
      ) : null}
      <h2>Entries</h2>
      {full ? (
        <AuditEntries />
      ) : (
        <p className="muted" data-testid="audit-entries-role">
          Auditors, managers and admins can list and export the entries. The history of each record shows its own entries.
        </p>
      )}
    </div>
  );
}
