// The API paths many test files call, named once. Constants only.
export const SYS = '/api/v1/systems';
export const ASM = '/api/v1/assessments';
export const SOA = '/api/v1/soa';
export const IA = '/api/v1/impact-assessments';
export const EV = '/api/v1/evidence';
export const RISKS = '/api/v1/risks';
export const OBJ = '/api/v1/objectives';
export const OBL = '/api/v1/obligations';
export const ENTRIES = '/api/v1/audit/entries';
export const PACK = '/api/v1/audit/pack';
export const AUDIT = '/api/v1/audit';
export const ORG = '/api/v1/org-settings';
export const MEMBERS = '/api/v1/org/members';
export const CRIT = '/api/v1/risk-criteria';
export const CI = '/api/v1/context-issues';
