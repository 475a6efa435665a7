import { escalateCaseJob } from './escalate-case/escalate-case-job.js';
import type { JobDefinition } from './job-definition.js';
import type { JobDependencies } from './job-dependencies.js';
import { deliverCustomerEmailJob } from './close-loop/deliver-customer-email-job.js';
import { deliverEmailJob } from './notify-case/deliver-email-job.js';
import { deliverSlackJob } from './notify-case/deliver-slack-job.js';
import { deliverWebhookJob } from './notify-case/deliver-webhook-job.js';
import { notifyCaseJob } from './notify-case/notify-case-job.js';

/**
 * Every kind of job this server runs, built with what their handlers need: what `createJobRunner` is given. Use
 * cases queue by kind alone (`notifyCase`), so they never need these dependencies.
 */
export function jobDefinitions(dependencies: JobDependencies): readonly JobDefinition[] {
  return [
    notifyCaseJob(dependencies),
    deliverWebhookJob(dependencies),
    deliverSlackJob(dependencies),
    deliverEmailJob(dependencies),
    deliverCustomerEmailJob(dependencies),
    escalateCaseJob(dependencies),
  ];
}
