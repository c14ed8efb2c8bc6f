// The audit feature's public face for other features: the per-row proof status of a history entry
// and the verifier that checks rows against a signed checkpoint.
export { ProofStatus } from './components/ProofStatus';
export { LogVerifier, type ProofResult } from './proofs';
