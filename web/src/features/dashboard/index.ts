// Public surface of the dashboard feature: what a card of another feature renders from.
export type { CardState, DashboardCards } from './api';
