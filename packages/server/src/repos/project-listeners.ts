import type { Conn } from '../db/db.js';
import { findIntegrationUrl } from './integrations.js';
import { listenersByProject } from './project-listeners-cache.js';
import type { ProjectListeners } from './project-listeners-cache.js';
import { listWebhooks } from './webhooks.js';

/** The events a project's live webhooks subscribed to and whether it has Slack, read at most once a second per project. */
export function projectListeners(conn: Conn, projectId: string): Promise<ProjectListeners> {
  return listenersByProject.get(conn, projectId, async () => ({
    webhookEvents: new Set((await listWebhooks(conn, projectId)).flatMap((webhook) => webhook.events)),
    slack: (await findIntegrationUrl(conn, projectId, 'slack')) !== null,
  }));
}
