// Checking history rows against the audit log in the browser: one trusted checkpoint per page
// (its signature verified with the log's public key), then each entry's inclusion proof against
// it. One LogVerifier per page; not shared between organizations.
import { getCheckpoint, getProof, getPublicKey } from './api';
import { leafHash, openCheckpoint, parseVerifierKey, verifyInclusion, type Checkpoint, type VerifierKey } from './verify';

export type ProofResult =
  | { status: 'verified'; seq: number; size: number; keyId: string; entry: { record_type: string; record_id: string; op: string; actor: string } }
  | { status: 'failed'; seq: number; reason: string };

export class LogVerifier {
  private key: Promise<VerifierKey> | null = null;
  private checkpoint: Promise<Checkpoint> | null = null;

  private async trusted(minSize: number): Promise<{ vk: VerifierKey; cp: Checkpoint }> {
    this.key ??= getPublicKey().then((k) => parseVerifierKey(k.verifier_key));
    const vk = await this.key;
    const fetch = () => getCheckpoint().then((c) => openCheckpoint(c.checkpoint, vk));
    this.checkpoint ??= fetch();
    let cp = await this.checkpoint;
    if (cp.size < minSize) {  // the log grew since this page asked: ask again once
      this.checkpoint = fetch();
      cp = await this.checkpoint;
    }
    return { vk, cp };
  }

  /** Verifies entry `seq` against a checkpoint signed by the log's key. Never throws. */
  async verify(seq: number): Promise<ProofResult> {
    try {
      const { vk, cp } = await this.trusted(seq + 1);
      const p = await getProof(seq, cp.size);
      const ok = await verifyInclusion(seq, cp.size, await leafHash(p.entry), p.inclusion_proof, cp.root);
      if (!ok) return { status: 'failed', seq, reason: 'the entry is not the one the signed checkpoint holds' };
      const e = JSON.parse(p.entry) as { record_type: string; record_id: string; op: string; actor: string };
      return { status: 'verified', seq, size: cp.size, keyId: vk.id, entry: e };
    } catch (e) {
      this.checkpoint = null;
      return { status: 'failed', seq, reason: e instanceof Error ? e.message : String(e) };
    }
  }
}
