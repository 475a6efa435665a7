import type { Conn } from '../db/db.js';
import { findIntegrationUrl } from './integrations.js';
import { listenersByProject } from './project-listeners-cache.js';
import type { ProjectListeners } from './project-listeners-cache.js';
import { listWebhooks } from './webhooks.js';

/** A project's live webhooks with the events each subscribed to, and whether it has Slack: read at most once a second per project. */
export function projectListeners(conn: Conn, projectId: string): Promise<ProjectListeners> {
  return listenersByProject.get(conn, projectId, async () => ({
    webhooks: (await listWebhooks(conn, projectId)).map(({ id, events }) => ({ id, events })),
    slack: (await findIntegrationUrl(conn, projectId, 'slack')) !== null,
  }));
}
