import { Page, WebhookCreated, WebhookDelivery, WebhookList } from '@closeloop/sdk/schemas';
import type { NewWebhook } from '@closeloop/sdk/schemas';
import { z } from 'zod';
import type { ApiClient } from './client.js';

const DeliveryPage = Page(WebhookDelivery);

/** `/api/v1/webhooks`: where case events are sent, each one's delivery log, and "send test". */
export function webhooksApi(api: ApiClient) {
  return {
    list: async () => (await api.request('GET', '/webhooks', WebhookList)).data,
    create: (input: NewWebhook) => api.request('POST', '/webhooks', WebhookCreated, { json: input }),
    remove: (id: string) => api.request('DELETE', `/webhooks/${encodeURIComponent(id)}`, z.undefined()),
    sendTest: (id: string) => api.request('POST', `/webhooks/${encodeURIComponent(id)}/test`, WebhookDelivery),
    deliveries: (id: string, limit = 10) => api.request('GET', `/webhooks/${encodeURIComponent(id)}/deliveries`, DeliveryPage, { searchParams: { limit: String(limit) } }),
  };
}
export type WebhooksApi = ReturnType<typeof webhooksApi>;
