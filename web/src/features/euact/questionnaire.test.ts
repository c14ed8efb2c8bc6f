import { describe, expect, it } from 'vitest';
import type { Question, Questionnaire } from './api';
import {
  answerText,
  askedQuestions,
  currentStep,
  holds,
  keptAnswers,
  missingQuestions,
  neighbours,
  reachableSteps,
  REVIEW,
  stepOfQuestion,
  toggle,
  wizardSteps,
} from './questionnaire';

const yesNo = (id: string, step: string, show_if: Question['show_if'] = null): Question => ({
  id,
  step,
  type: 'yes_no',
  text: `Question ${id}?`,
  help: '',
  article: 'Art. x',
  show_if,
  source: null,
});

const notProhibited = { not: { condition: 'prohibited' } };

// A small questionnaire shaped like the server's.
const q: Questionnaire = {
  version: '2',
  source: 'test',
  amending_acts: [],
  notes: [],
  steps: [
    { id: 'role', title: 'Role', description: '' },
    { id: 'prohibited', title: 'Prohibited', description: '' },
    { id: 'annex3', title: 'Annex III', description: '' },
    { id: 'annex3-4', title: 'Area 4', description: '' },
    { id: 'derogation', title: 'Derogation', description: '' },
  ],
  conditions: {
    prohibited: { any: [{ answer: 'p1', is: true }, { all: [{ answer: 'p2', is: true }, { answer: 'p2-exception', is: false }] }] },
    annex3_use: { any: [{ answer: 'a4', is: true }] },
  },
  questions: [
    {
      id: 'roles',
      step: 'role',
      type: 'multi_choice',
      text: 'Roles?',
      help: '',
      article: '',
      min_items: 1,
      options: [
        { value: 'provider', label: 'Provider', description: '' },
        { value: 'deployer', label: 'Deployer', description: '' },
      ],
      show_if: null,
      source: null,
    },
    yesNo('outside', 'role', { answer: 'roles', includes_any: ['provider'] }),
    yesNo('p1', 'prohibited'),
    yesNo('p2', 'prohibited'),
    yesNo('p2-exception', 'prohibited', { answer: 'p2', is: true }),
    {
      id: 'areas',
      step: 'annex3',
      type: 'multi_choice',
      text: 'Areas?',
      help: '',
      article: '',
      min_items: 0,
      options: [
        { value: '4', label: 'Employment', description: '' },
        { value: '5', label: 'Services', description: '' },
      ],
      show_if: notProhibited,
      source: null,
    },
    yesNo('a4', 'annex3-4', { all: [notProhibited, { answer: 'areas', includes: '4' }] }),
    yesNo('profiling', 'derogation', { all: [notProhibited, { condition: 'annex3_use' }] }),
    yesNo('derog', 'derogation', { all: [notProhibited, { condition: 'annex3_use' }, { answer: 'profiling', is: false }] }),
  ],
};

const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('conditions', () => {
  it('evaluate is, includes, includes_any, all, any, not and named conditions', () => {
    expect(holds(q, null, {})).toBe(true);
    expect(holds(q, { answer: 'p1', is: true }, { p1: true })).toBe(true);
    expect(holds(q, { answer: 'p1', is: true }, {})).toBe(false);
    expect(holds(q, { answer: 'areas', includes: '4' }, { areas: ['5', '4'] })).toBe(true);
    expect(holds(q, { answer: 'areas', includes: '4' }, { areas: '4' })).toBe(false);
    expect(holds(q, { answer: 'roles', includes_any: ['x', 'deployer'] }, { roles: ['deployer'] })).toBe(true);
    expect(holds(q, { condition: 'prohibited' }, { p2: true, 'p2-exception': true })).toBe(false);
    expect(holds(q, { condition: 'prohibited' }, { p2: true, 'p2-exception': false })).toBe(true);
    expect(holds(q, notProhibited, {})).toBe(true);
  });
});

describe('asked questions and steps', () => {
  it('follow the answers: follow-ups appear, later steps vanish after a prohibited practice', () => {
    expect(ids(askedQuestions(q, {}))).toEqual(['roles', 'p1', 'p2', 'areas']);
    expect(ids(askedQuestions(q, { roles: ['provider'], p2: true }))).toEqual(['roles', 'outside', 'p1', 'p2', 'p2-exception', 'areas']);
    expect(ids(askedQuestions(q, { roles: ['deployer'], p1: true }))).toEqual(['roles', 'p1', 'p2']);
    expect(ids(wizardSteps(q, { roles: ['deployer'], p1: true }))).toEqual(['role', 'prohibited']);
    const hr = { roles: ['deployer'], p1: false, p2: false, areas: ['4'], a4: true };
    expect(ids(wizardSteps(q, hr))).toEqual(['role', 'prohibited', 'annex3', 'annex3-4', 'derogation']);
    expect(ids(askedQuestions(q, { ...hr, profiling: true }))).not.toContain('derog');
    expect(ids(askedQuestions(q, { ...hr, profiling: false }))).toContain('derog');
  });

  it('answers to questions no longer asked are not kept (stale answers after going back)', () => {
    const a = { roles: ['deployer'], p1: false, p2: false, areas: ['5'], a4: true, outside: true };
    expect(keptAnswers(q, a)).toEqual({ roles: ['deployer'], p1: false, p2: false, areas: ['5'] });
    expect(missingQuestions(q, a)).toEqual([]);
    expect(missingQuestions(q, { roles: [] })).toEqual(['roles', 'p1', 'p2', 'areas']);
  });

  it('reachable steps stop at the first incomplete one; the review needs everything', () => {
    expect(reachableSteps(q, {})).toEqual(['role']);
    expect(reachableSteps(q, { roles: ['deployer'] })).toEqual(['role', 'prohibited']);
    const done = { roles: ['deployer'], p1: false, p2: false, areas: [] };
    expect(reachableSteps(q, done)).toEqual(['role', 'prohibited', 'annex3', REVIEW]);
    expect(currentStep(q, done, REVIEW)).toBe(REVIEW);
    expect(currentStep(q, {}, REVIEW)).toBe('role');
    expect(currentStep(q, done, 'nonsense')).toBe('role');
    expect(neighbours(q, done, 'annex3')).toEqual({ prev: 'prohibited', next: REVIEW });
    expect(neighbours(q, done, 'role')).toEqual({ prev: null, next: 'prohibited' });
    expect(neighbours(q, done, REVIEW)).toEqual({ prev: 'annex3', next: null });
    expect(stepOfQuestion(q, 'a4')).toBe('annex3-4');
  });

  it('shows answers in words and toggles choices in option order', () => {
    const roles = q.questions[0];
    expect(answerText(roles, ['deployer', 'provider'])).toBe('Deployer, Provider');
    expect(answerText(roles, [])).toBe('None');
    expect(answerText(q.questions[2], true)).toBe('Yes');
    expect(answerText(q.questions[2], undefined)).toBe('—');
    expect(toggle(roles, ['deployer'], 'provider', true)).toEqual(['provider', 'deployer']);
    expect(toggle(roles, ['provider', 'deployer'], 'provider', false)).toEqual(['deployer']);
  });
});
