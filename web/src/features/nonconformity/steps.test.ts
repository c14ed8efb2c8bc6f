import { describe, expect, it } from 'vitest';
import type { Nonconformity } from './api';
import { actionsDone, stepsOf, statusLabel } from './steps';

const signed = { by: 'a@x.test', by_id: 'u1', at: '2026-12-01T10:00:00.000Z' };
const base: Nonconformity = {
  id: 'NC-1', version: 1, title: 'x', status: 'open', owner: 'u2', source: 'other', source_ref: null, requirement: '10.2',
  severity: 'minor', opened_on: '2026-12-01', due_date: null, closed_on: null, containment: null, cause_analysis: null,
  elsewhere: null, updates: [], effectiveness_check: null, earlier_checks: [], next_step: 'containment',
};

describe('stepsOf', () => {
  it('a new NC has containment next and the rest later', () => {
    const s = stepsOf(base, false);
    expect(s.map((x) => x.state)).toEqual(['next', 'later', 'later', 'later', 'later', 'later', 'later']);
  });
  it('marks done steps with who and when, and the corrective actions once all are done', () => {
    const nc: Nonconformity = { ...base, status: 'actions_planned', containment: { ...signed, action: 'a', done_on: '2026-12-01' },
      cause_analysis: { ...signed, method: 'five_whys', analysis: 'a', root_cause: 'b' }, elsewhere: { ...signed, could_occur_elsewhere: false, where: null } };
    expect(stepsOf(nc, false).map((x) => x.state)).toEqual(['done', 'done', 'done', 'next', 'later', 'later', 'later']);
    const s = stepsOf(nc, true);
    expect(s[3].state).toBe('done');
    expect(s[4].state).toBe('next');
    expect(s[0].by).toBe('a@x.test');
  });
  it('a reopened NC (not effective) asks for actions again; a closed one is all done', () => {
    const reopened: Nonconformity = { ...base, status: 'actions_planned', earlier_checks: [{ ...signed, criterion: 'c', due_date: '2026-12-10', verifier: 'u3', result: 'not_effective' }] };
    expect(stepsOf(reopened, false).find((x) => x.key === 'effectiveness_result')?.state).toBe('later');
    const closed: Nonconformity = { ...base, status: 'closed', containment: { ...signed, action: 'a', done_on: '2026-12-01' },
      cause_analysis: { ...signed, method: 'other', analysis: 'a', root_cause: 'b' }, elsewhere: { ...signed, could_occur_elsewhere: false, where: null },
      effectiveness_check: { ...signed, criterion: 'c', due_date: '2026-12-10', verifier: 'u3', result: 'effective', result_by: 'v@x.test', result_at: signed.at } };
    expect(stepsOf(closed, true).every((x) => x.state === 'done')).toBe(true);
    expect(statusLabel('verifying')).toBe('Effectiveness check');
  });
  it('after a check found them not effective, the actions are done only with a new one', () => {
    const check = { ...signed, criterion: 'c', due_date: '2026-12-10', verifier: 'u3', result: 'not_effective' as const, result_at: '2026-12-05T00:00:00.000Z' };
    const nc: Nonconformity = { ...base, status: 'actions_planned', earlier_checks: [check] };
    const old = { status: 'done', created_at: '2026-12-02T00:00:00.000Z' };
    expect(actionsDone(nc, [old])).toBe(false);
    expect(actionsDone(nc, [old, { status: 'done', created_at: '2026-12-06T00:00:00.000Z' }])).toBe(true);
    expect(actionsDone(nc, [old, { status: 'open', created_at: '2026-12-06T00:00:00.000Z' }])).toBe(false);
    expect(actionsDone({ ...nc, earlier_checks: [] }, [{ status: 'cancelled', created_at: '' }])).toBe(false);
  });
});
