import type { Conn } from '../db/db.js';
import { forgetProjectListeners } from './project-listeners-cache.js';

/** The integrations a project can set, one row each. */
export type IntegrationKind = 'slack';

/** Sets (or replaces) the project's integration URL. */
export async function putIntegration(conn: Conn, projectId: string, kind: IntegrationKind, url: string, now: Date): Promise<void> {
  await conn
    .insertInto('integrations')
    .values({ project_id: projectId, kind, url, updated_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['project_id', 'kind']).doUpdateSet({ url, updated_at: now.toISOString() }))
    .execute();
  forgetProjectListeners(conn);
}

/** The project's integration URL, or null when it has none. */
export async function findIntegrationUrl(conn: Conn, projectId: string, kind: IntegrationKind): Promise<string | null> {
  const row = await conn.selectFrom('integrations').select('url').where('project_id', '=', projectId).where('kind', '=', kind).executeTakeFirst();
  return row?.url ?? null;
}

/** Removes the integration; true when there was one. */
export async function deleteIntegration(conn: Conn, projectId: string, kind: IntegrationKind): Promise<boolean> {
  const result = await conn.deleteFrom('integrations').where('project_id', '=', projectId).where('kind', '=', kind).executeTakeFirst();
  forgetProjectListeners(conn);
  return Number(result.numDeletedRows) > 0;
}
