import { describe, expect, it } from 'vitest';
import { impactApprovalBlock, riskAcceptanceBlock, soaApprovalBlock } from './segregation';

const on = { impact_approval: true, risk_acceptance: true, soa_approval: true };
const off = { impact_approval: false, risk_acceptance: false, soa_approval: false };

describe('impactApprovalBlock', () => {
  it('names the rule for the submitter only, and only when the duty is segregated', () => {
    expect(impactApprovalBlock(on, 'ann@x.test', 'ann@x.test')).toMatch(/^Segregation of duties: you submitted this assessment/);
    expect(impactApprovalBlock(on, 'bob@x.test', 'ann@x.test')).toBeNull();
    expect(impactApprovalBlock(off, 'ann@x.test', 'ann@x.test')).toBeNull();
    expect(impactApprovalBlock(undefined, 'ann@x.test', 'ann@x.test')).toBeNull();
  });
});

describe('riskAcceptanceBlock', () => {
  const risk = { created_by: 'ann@x.test', updated_by: 'ann@x.test', updated_at: '2026-01-02T00:00:00Z', acceptance: null };
  it('blocks the creator and the last editor', () => {
    expect(riskAcceptanceBlock(on, risk, 'ann@x.test')).toMatch(/you created this risk/);
    expect(riskAcceptanceBlock(on, { ...risk, updated_by: 'bob@x.test' }, 'bob@x.test')).toMatch(/you last edited this risk/);
    expect(riskAcceptanceBlock(on, risk, 'cid@x.test')).toBeNull();
    expect(riskAcceptanceBlock(off, risk, 'ann@x.test')).toBeNull();
  });
  it('does not count an acceptance or withdrawal as an edit', () => {
    const accepted = { ...risk, updated_by: 'bob@x.test', updated_at: 't2', acceptance: { accepted_at: 't2', withdrawn_at: null } };
    expect(riskAcceptanceBlock(on, accepted, 'bob@x.test')).toBeNull();
    const withdrawn = { ...accepted, updated_at: 't3', acceptance: { accepted_at: 't2', withdrawn_at: 't3' } };
    expect(riskAcceptanceBlock(on, withdrawn, 'bob@x.test')).toBeNull();
  });
});

describe('soaApprovalBlock', () => {
  const entries = [
    { control_id: 'A.2.2', updated_by: 'ann@x.test', updated_at: '2026-01-05T00:00:00Z' },
    { control_id: 'A.5.2', updated_by: 'ann@x.test', updated_at: '2026-01-01T00:00:00Z' },
    { control_id: 'A.6.2.4', updated_by: 'bob@x.test', updated_at: '2026-01-06T00:00:00Z' },
    { control_id: 'A.10.3' },
  ];
  it('lists the entries the user changed since the last approved version', () => {
    expect(soaApprovalBlock(on, entries, '2026-01-03T00:00:00Z', 'ann@x.test')).toBe(
      'Segregation of duties: you changed entries of this version (A.2.2); another manager or admin must approve it.',
    );
    expect(soaApprovalBlock(on, entries, null, 'ann@x.test')).toMatch(/\(A\.2\.2, A\.5\.2\)/);
    expect(soaApprovalBlock(on, entries, '2026-01-07T00:00:00Z', 'bob@x.test')).toBeNull();
    expect(soaApprovalBlock(off, entries, null, 'ann@x.test')).toBeNull();
  });
});
