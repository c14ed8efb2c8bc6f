// The nonconformity feature (ISO/IEC 42001 10.2): the register with its overdue view, the
// pre-filled page that raises one, and an NC's page with its steps. Other features import only
// from here; corrective actions and improvements use the kinds' generic pages.
export { NcListPage } from './components/NcListPage';
export { NcCreatePage } from './components/NcCreatePage';
export { NcPage } from './components/NcPage';
