// The org feature's public face for other features: the segregation-of-duties checks. Other features import
// only from here, never from this folder's files.
export { impactApprovalBlock, riskAcceptanceBlock, soaApprovalBlock } from './segregation';
export { useSegregation } from './useSegregation';
