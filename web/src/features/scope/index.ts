// The scope feature's public face for other features: the dashboard's drift card.
export { ScopeDashboardCard } from './components/ScopeDashboardCard';
