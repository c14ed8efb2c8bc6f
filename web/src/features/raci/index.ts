// The RACI, communication and retention feature's public face for other features: the notices a
// record's detail page shows (R=A warnings, legal hold, retention). Other features import only from here.
export { RecordNotices } from './components/RecordNotices';
export { CommunicationDashboardCard } from './components/CommunicationDashboardCard';
