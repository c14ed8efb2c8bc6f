// Labels of the risk register's enumerations.
import type { Risk } from './api';

export type RiskStatus = Risk['status'];
export type RiskTreatment = NonNullable<Risk['treatment']>;
export type AcceptanceState = Risk['acceptance_state'];

export const riskStatusLabels: Record<RiskStatus, string> = {
  open: 'Open', treating: 'Treating', monitoring: 'Monitoring', closed: 'Closed',
};

export const riskStatusHints: Record<RiskStatus, string> = {
  open: 'Identified; treatment not started', treating: 'Treatment under way',
  monitoring: 'Treated; the residual risk is watched', closed: 'No longer relevant',
};

export const treatmentLabels: Record<RiskTreatment, string> = {
  modify: 'Modify (reduce)', avoid: 'Avoid', share: 'Share', retain: 'Retain (accept)',
};

export const acceptanceLabels: Record<AcceptanceState, string> = {
  none: 'Not accepted', accepted: 'Accepted', expired: 'Acceptance expired', withdrawn: 'Acceptance withdrawn',
  exceeds_threshold: 'Above the threshold',
};

export const roleChoices = ['admin', 'manager', 'contributor'] as const;
