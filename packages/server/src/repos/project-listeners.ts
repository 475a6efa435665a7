import type { Conn } from '../db/db.js';
import { listenersByProject } from './project-listeners-cache.js';
import type { ProjectListeners } from './project-listeners-cache.js';
import { storedWebhookEvents } from './webhooks.js';

/** The events a project's live webhooks subscribed to and whether it has Slack, read at most once a second per project. */
export function projectListeners(conn: Conn, projectId: string): Promise<ProjectListeners> {
  return listenersByProject.get(conn, projectId, async () => {
    const webhooks = await conn.selectFrom('webhooks').select('events').where('project_id', '=', projectId).where('deleted_at', 'is', null).execute();
    const slack = await conn.selectFrom('integrations').select('kind').where('project_id', '=', projectId).where('kind', '=', 'slack').executeTakeFirst();
    return { webhookEvents: new Set(webhooks.flatMap((row) => storedWebhookEvents(row.events))), slack: slack !== undefined };
  });
}
