// The assessments feature's public face for other features: the maturity levels. Other features import only
// from here, never from this folder's files.
export { getMaturityLevels } from './api';
