// The internal audit feature: an audit's page (fields, then tabs for checklist, findings,
// requests, sampling and sign-off) and the programme's coverage page. Other features import only from here.
export { AuditPage } from './components/AuditPage';
export { CoveragePage } from './components/CoveragePage';
