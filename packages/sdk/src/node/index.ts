export * from './identity.js';
export { createManagementClient } from './management-client.js';
export type {
  FollowUpListOptions,
  FollowUpPage,
  ManagementClient,
  ManagementClientOptions,
  ResponseListOptions,
  ResponsePage,
  StatsWindowOptions,
  WebhookDeliveryListOptions,
  WebhookDeliveryPage,
} from './management-client.js';
export { ManagementApiError } from './management-api-error.js';
export { UnexpectedReplyError } from './unexpected-reply-error.js';
export { verifyWebhook } from './verify-webhook.js';
export type { WebhookHeaders } from './verify-webhook.js';
export { WebhookVerificationError } from './webhook-verification-error.js';
export type { WebhookRefusal } from './webhook-verification-error.js';
