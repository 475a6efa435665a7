import { DELIVERY_CHANNELS } from '../metrics/metrics.js';
import type { Metrics } from '../metrics/metrics.js';
import { DEFAULT_MAX_ATTEMPTS } from './job-definition.js';
import type { JobDefinition } from './job-definition.js';

/**
 * The definitions with every delivery attempt (webhook, Slack, email) counted in `metrics` by outcome: delivered,
 * retrying (it threw, attempts are left) or failed (its last attempt threw). The handlers stay as they are; other
 * kinds pass through untouched.
 */
export function countedDeliveries(definitions: readonly JobDefinition[], metrics: Metrics): JobDefinition[] {
  return definitions.map((definition) => {
    const channel = DELIVERY_CHANNELS[definition.kind];
    if (channel === undefined) return definition;
    const maxAttempts = definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    return {
      ...definition,
      async handle(payload, context) {
        try {
          await definition.handle(payload, context);
        } catch (error) {
          metrics.countDelivery(channel, context.attempt >= maxAttempts ? 'failed' : 'retrying');
          throw error;
        }
        metrics.countDelivery(channel, 'delivered');
      },
    };
  });
}
