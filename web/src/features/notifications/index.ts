// Notifications: the webhooks page (admins). Other features import only from here.
export { WebhooksPage } from './components/WebhooksPage';
