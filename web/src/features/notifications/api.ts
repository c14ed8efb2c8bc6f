// Webhooks and the delivery log (docs/notifications.md): admins register endpoints (the secret is
// in the creation's answer only), send a test, remove one, read the log newest first and redeliver.
import { api, apiUntyped, type Schemas } from '../../lib/api';

export type Webhook = Schemas['Webhook'];
export type NotificationDelivery = Schemas['NotificationDelivery'];
export type NotificationEventType = Schemas['NotificationEventType'];

export async function listEventTypes(signal?: AbortSignal): Promise<NotificationEventType[]> {
  return (await api('get', '/api/v1/notification-events', { signal })).data.items;
}

export async function listWebhooks(signal?: AbortSignal): Promise<Webhook[]> {
  return (await api('get', '/api/v1/webhooks', { signal })).data.items;
}

export async function createWebhook(input: Schemas['WebhookInput']): Promise<Webhook & { secret: string }> {
  return (await api('post', '/api/v1/webhooks', { body: input })).data;
}

export async function deleteWebhook(id: string): Promise<void> {
  await api('delete', '/api/v1/webhooks/{id}', { path: { id } });
}

export async function testWebhook(id: string): Promise<NotificationDelivery> {
  // 202 Accepted: the typed call knows 200 and 201 answers only.
  return (await apiUntyped<NotificationDelivery>('post', `/api/v1/webhooks/${encodeURIComponent(id)}/test`)).data;
}

export interface DeliveryPage {
  items: NotificationDelivery[];
  next?: string;
}

export async function listDeliveries(query: { webhook?: string; status?: 'pending' | 'delivered' | 'failed'; cursor?: string; limit?: number }, signal?: AbortSignal): Promise<DeliveryPage> {
  return (await api('get', '/api/v1/notification-deliveries', { query, signal })).data;
}

export async function redeliver(id: string): Promise<NotificationDelivery> {
  return (await apiUntyped<NotificationDelivery>('post', `/api/v1/notification-deliveries/${encodeURIComponent(id)}/redeliver`)).data;
}
