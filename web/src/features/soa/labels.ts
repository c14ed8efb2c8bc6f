// Labels of the Statement of Applicability's enumerations (Record<Enum, string>, so a value added
// to api/openapi.yaml fails the build until it has a label here).
import type { Schemas } from '../../lib/api';

export type SoaReason = Schemas['SoaReason'];
export type ImplementationStatus = Schemas['ImplementationStatus'];

export const reasonLabels: Record<SoaReason, string> = {
  risk_treatment: 'Risk treatment', legal_requirement: 'Legal requirement', contractual_requirement: 'Contractual requirement',
  business_requirement: 'Business requirement', other: 'Other',
};

export const implementationLabels: Record<ImplementationStatus, string> = {
  not_started: 'Not started', planned: 'Planned', partial: 'Partially implemented', implemented: 'Implemented',
};

/** Names of the entry fields, for errors and diffs. */
export const soaFieldLabels: Record<string, string> = {
  applicable: 'Applicable', justification: 'Justification', reasons: 'Reasons', implementation_status: 'Implementation status',
  owner: 'Owner', evidence_refs: 'Evidence references', policy_refs: 'Policy references', notes: 'Notes',
  linked_risks: 'Treats risks',
};
