import type { WebhookEventType } from '@closeloop/sdk/schemas';
import type { Conn } from '../db/db.js';
import { lookupCache } from './lookup-cache.js';

/** What a project listens to its cases with: its live webhooks (oldest first) with their events, and whether it has Slack. */
export interface ProjectListeners {
  webhooks: readonly { id: string; events: readonly WebhookEventType[] }[];
  slack: boolean;
}

/**
 * Per project, for LOOKUP_TTL_MS (read by project-listeners.ts): cleared by this instance when it writes a webhook or
 * an integration, so a webhook added here hears the next event; one added through another instance on the same
 * PostgreSQL is heard here within a second, as a survey's change is. Apart from the reader so the webhook and
 * integration repos, which the reader uses, can clear it without a cycle.
 */
export const listenersByProject = lookupCache<ProjectListeners>('project-listeners');

/** Forgets what projects listen with, now and once `conn`'s transaction commits: a webhook or an integration changed. */
export function forgetProjectListeners(conn: Conn): void {
  listenersByProject.clear(conn);
}
