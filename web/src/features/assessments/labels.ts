// Labels of the assessment enumerations. Typed as Record<Enum, string> so that a value added to
// api/openapi.yaml fails the build until it has a label here.
import type { Schemas } from '../../lib/api';

export type Approach = Schemas['Approach'];
export type AssessmentStatus = Schemas['Assessment']['status'];
export type GapPriority = Schemas['Gap']['priority'];
export type Effort = Schemas['Effort'];
export type ActionStatus = Schemas['RoadmapAction']['status'];

export const approachLabels: Record<Approach, string> = {
  clauses: 'Clauses 4–10', annex_a: 'Annex A controls', both: 'Clauses 4–10 and Annex A',
};

/** What each approach covers, for the create form. */
export const approachHints: Record<Approach, string> = {
  clauses: 'The 32 requirements of the management system (clauses 4 to 10).', annex_a: 'The 38 Annex A controls in 9 areas.',
  both: 'All 70 items: the management system requirements, then the Annex A controls. Recommended for a first assessment.',
};

export const assessmentStatusLabels: Record<AssessmentStatus, string> = {
  in_progress: 'In progress',
  completed: 'Completed',
};

export const priorityLabels: Record<GapPriority, string> = {
  stage1: 'Stage 1', documented_information: 'Documented information', other: 'Other',
};

export const priorityHints: Record<GapPriority, string> = {
  stage1: 'Checked first, at the stage 1 (documentation) audit',
  documented_information: 'Documented information the standard requires', other: 'Everything else below target',
};

export const effortLabels: Record<Effort, string> = { S: 'S — small', M: 'M — medium', L: 'L — large' };

export const actionStatusLabels: Record<ActionStatus, string> = { open: 'Open', in_progress: 'In progress', done: 'Done' };
