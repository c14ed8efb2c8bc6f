// The action tracker feature: one list of every record's actions. Other features import only from here.
export { ActionsListPage } from './components/ActionsListPage';
