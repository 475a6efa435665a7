import type { JobDefinition } from './job-definition.js';

/**
 * Every kind of job this server runs, one definition per file beside this one. The first kinds (case notifications:
 * webhook, Slack, email; SLA escalation) arrive with the features that queue them.
 */
export const jobDefinitions: readonly JobDefinition[] = [];
