import { z } from 'zod';

/**
 * `PUT /api/v1/integrations/slack`: the project's Slack incoming-webhook URL (`https://hooks.slack.com/services/…`),
 * where new and overdue cases are posted. The URL is itself the credential, so the server requires https, and
 * refuses loopback and private addresses as for webhooks; a server started with `--allow-private-webhooks` (the
 * demo, tests) also takes a plain-http local stand-in.
 */
export const SlackIntegration = z.strictObject({
  url: z.string().max(2048, 'must be at most 2048 characters'),
});
export type SlackIntegration = z.infer<typeof SlackIntegration>;
