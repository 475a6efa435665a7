import { z } from 'zod';

/** `POST /api/v1/integrations/email/test`: where the test mail goes. */
export const EmailTestRequest = z.strictObject({
  to: z.email({ error: 'must be an email address such as support@shop.example' }),
});
export type EmailTestRequest = z.infer<typeof EmailTestRequest>;

/**
 * How a "send test" went (Slack, email): sent once, at once, never retried, so the admin sees the outcome of the
 * settings as they are now. A receiver that refused is `ok: false` with its reason, not an error reply.
 */
export const IntegrationTestResult = z.object({
  ok: z.boolean(),
  /** Slack's HTTP status; null for email, or when no answer arrived. */
  statusCode: z.number().int().nullable(),
  durationMs: z.number().int().min(0),
  /** Why it failed, in one line; null when ok. */
  error: z.string().nullable(),
});
export type IntegrationTestResult = z.infer<typeof IntegrationTestResult>;
