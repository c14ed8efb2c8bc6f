// The audit log status of one history row: its entry, and whether that entry's inclusion proof
// verified in this browser against a checkpoint signed by the log's key.
import { useEffect, useState } from 'react';
import type { LogVerifier, ProofResult } from '../proofs';

interface Props {
  seq: number | null | undefined;
  verifier: LogVerifier;
  /** The record the entry must be about. */
  expect?: { record_type: string; record_id: string };
}

export function ProofStatus({ seq, verifier, expect }: Props) {
  const [result, setResult] = useState<ProofResult | null>(null);
  useEffect(() => {
    if (seq === null || seq === undefined) return;
    let live = true;
    void verifier.verify(seq).then((r) => {
      if (live) setResult(r);
    });
    return () => {
      live = false;
    };
  }, [seq, verifier]);

  if (seq === null || seq === undefined)
    return (
      <span className="proof proof-none" data-testid="proof-status" data-status="none">
        Not in the audit log (changed before the log was kept)
      </span>
    );
  if (!result)
    return (
      <span className="proof proof-checking" data-testid="proof-status" data-status="checking">
        Audit entry {seq}: checking…
      </span>
    );
  const wrongRecord =
    result.status === 'verified' && expect && (result.entry.record_type !== expect.record_type || result.entry.record_id !== expect.record_id);
  if (result.status === 'failed' || wrongRecord)
    return (
      <span className="proof proof-failed" data-testid="proof-status" data-status="failed" role="alert">
        ✗ Audit entry {seq} does not verify: {result.status === 'failed' ? result.reason : 'the entry is about another record'}
      </span>
    );
  return (
    <span
      className="proof proof-verified"
      data-testid="proof-status"
      data-status="verified"
      title={`Inclusion proof checked in your browser against the checkpoint of size ${result.size}, signed by key ${result.keyId}`}
    >
      ✓ Audit entry {seq}, included in the checkpoint of size {result.size} — verified in your browser
    </span>
  );
}
