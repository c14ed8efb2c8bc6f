// Public surface of the EU AI Act feature: what other features show of a classification.
export { euActRoleLabels } from './labels';
