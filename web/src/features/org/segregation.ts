// Segregation of duties as the server applies it (docs/impact.md, docs/risk.md, docs/assessment.md):
// why the current user may not approve or accept something they wrote. The UI only explains what
// the server would refuse; pure functions.
import type { OrgSettings } from './api';

type Duties = OrgSettings['segregation_of_duties'] | undefined;

/** The submitter of an impact assessment may not approve it. */
export function impactApprovalBlock(duties: Duties, submittedBy: string | null | undefined, me: string | undefined): string | null {
  if (!duties?.impact_approval || !me || submittedBy !== me) return null;
  return 'Segregation of duties: you submitted this assessment; another manager or admin must approve it.';
}

interface RiskAuthorship {
  created_by: string;
  updated_by: string;
  updated_at: string;
  acceptance?: { accepted_at: string; withdrawn_at?: string | null } | null;
}

/**
 * The creator and the last editor of a risk may not accept it. Acceptances and withdrawals are not
 * edits: when one was the last change, only the creator is known here (the server knows the rest).
 */
export function riskAcceptanceBlock(duties: Duties, risk: RiskAuthorship, me: string | undefined): string | null {
  if (!duties?.risk_acceptance || !me) return null;
  const a = risk.acceptance;
  const lastWasAcceptance = !!a && (risk.updated_at === a.accepted_at || risk.updated_at === a.withdrawn_at);
  if (risk.created_by === me) return 'Segregation of duties: you created this risk; another person the risk criteria allow must accept it.';
  if (risk.updated_by === me && !lastWasAcceptance)
    return 'Segregation of duties: you last edited this risk; another person the risk criteria allow must accept it.';
  return null;
}

interface EntryAuthorship {
  control_id: string;
  updated_by?: string;
  updated_at?: string;
}

/** Whoever changed an SoA entry since the last approved version may not approve the next one. */
export function soaApprovalBlock(duties: Duties, entries: EntryAuthorship[], lastApprovedAt: string | null | undefined, me: string | undefined): string | null {
  if (!duties?.soa_approval || !me) return null;
  const mine = entries
    .filter((e) => e.updated_by === me && e.updated_at && (!lastApprovedAt || e.updated_at > lastApprovedAt))
    .map((e) => e.control_id);
  if (!mine.length) return null;
  const shown = mine.length > 5 ? `${mine.slice(0, 5).join(', ')} and ${mine.length - 5} more` : mine.join(', ');
  return `Segregation of duties: you changed entries of this version (${shown}); another manager or admin must approve it.`;
}
