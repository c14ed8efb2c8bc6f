// The AI incidents feature: an incident's page (fields, clocks, qualification wizard, report chain)
// and the clocks board. Other features import only from here.
export { IncidentPage } from './components/IncidentPage';
export { ClocksBoardPage } from './components/ClocksBoardPage';
export { IncidentsListPage } from './components/IncidentsListPage';
