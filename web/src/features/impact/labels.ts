// Human labels and help texts of the impact assessment pages, in our own words. Typed as
// Record<Enum, string> so that a value added to api/openapi.yaml fails the build until it has one.
import type { ImpactLevel, ImpactStatus } from './api';

export type Category = 'individual' | 'group' | 'society';
export type EntryType = 'benefit' | 'harm';
export type Relation = 'affected' | 'user' | 'oversight' | 'other';
export type MeasureStatus = 'planned' | 'in_progress' | 'implemented';
export type FriaStatus = 'filled' | 'partial' | 'missing';

export const statusLabels: Record<ImpactStatus, string> = { draft: 'Draft', in_review: 'In review', approved: 'Approved' };
export const levelLabels: Record<ImpactLevel, string> = { normal: 'Normal', sensitive: 'Sensitive', restricted: 'Restricted' };
export const levelHints: Record<ImpactLevel, string> = {
  normal: 'No harm reaches the sensitive threshold.',
  sensitive: 'At least one harm reaches the sensitive threshold: approval needs a manager or admin and a note.',
  restricted: 'At least one harm reaches the restricted threshold: approval needs the approver named in the thresholds, a note and measures.',
};
export const categoryLabels: Record<Category, string> = { individual: 'Individual', group: 'Group', society: 'Society' };
export const typeLabels: Record<EntryType, string> = { harm: 'Harm', benefit: 'Benefit' };
export const relationLabels: Record<Relation, string> = {
  affected: 'Affected by it', user: 'Uses or relies on it', oversight: 'Oversees or audits it', other: 'Other interest',
};
export const measureStatusLabels: Record<MeasureStatus, string> = { planned: 'Planned', in_progress: 'In progress', implemented: 'Implemented' };
export const friaStatusLabels: Record<FriaStatus, string> = { filled: 'Filled', partial: 'Partly filled', missing: 'Missing' };

export const severityLabels: Record<'1' | '2' | '3' | '4', string> = { '1': '1 · Minor', '2': '2 · Moderate', '3': '3 · Serious', '4': '4 · Critical' };
export const likelihoodLabels: Record<'1' | '2' | '3' | '4', string> = { '1': '1 · Rare', '2': '2 · Possible', '3': '3 · Likely', '4': '4 · Almost certain' };
/** For benefits the first scale reads as size rather than severity. */
export const magnitudeLabels: Record<'1' | '2' | '3' | '4', string> = { '1': '1 · Small', '2': '2 · Moderate', '3': '3 · Large', '4': '4 · Very large' };

export const reasonLabels: Record<string, string> = {
  review_date_passed: 'the review date has come',
  system_changed: 'the AI system changed',
};

export const historyOpLabels: Record<string, string> = { create: 'Created', update: 'Changed', submit: 'Submitted', approve: 'Approved' };

/** Labels of the record's fields, for error summaries and history. */
export const fieldLabels: Record<string, string> = {
  title: 'Title', scope: 'What the assessment covers', assessors: 'Assessors', next_review_date: 'Next review date',
  purpose: 'Purpose', intended_uses: 'Intended uses', unintended_uses: 'Foreseeable unintended uses and misuse',
  data_sources: 'Data sources', data_quality: 'Data quality and provenance', model_type: 'Model type',
  model_information: 'How the model works and its limits', deployment_context: 'Deployment environment',
  processes: 'Processes in which the system is used', period_and_frequency: 'Period and frequency of use',
  human_oversight: 'Human oversight', interested_parties: 'Interested parties', impacts: 'Benefits and harms',
  governance_and_complaints: 'Internal governance and complaint mechanisms', note: 'Approval note', status: 'Status',
};
