import { ProjectSettings } from '@closeloop/sdk/schemas';
import type { Conn } from '../db/db.js';
import { lookupCache } from './lookup-cache.js';

/** The project's settings, defaults filled in; null when there is no such project. */
export async function findProjectSettings(conn: Conn, projectId: string): Promise<ProjectSettings | null> {
  const row = await conn.selectFrom('projects').select('settings').where('id', '=', projectId).executeTakeFirst();
  return row ? ProjectSettings.parse(JSON.parse(row.settings)) : null;
}

export async function saveProjectSettings(conn: Conn, projectId: string, settings: ProjectSettings): Promise<void> {
  settingsByProject.clear(conn);
  await conn.updateTable('projects').set({ settings: JSON.stringify(settings) }).where('id', '=', projectId).execute();
}

/** The settings of a project known to exist (a use case's own project): its absence is a bug, not a reply. */
export async function projectSettingsOf(conn: Conn, projectId: string): Promise<ProjectSettings> {
  const settings = await findProjectSettings(conn, projectId);
  if (settings === null) throw new Error(`project ${projectId} has no row`);
  return settings;
}

const settingsByProject = lookupCache<ProjectSettings>('project-settings');

/**
 * {@link projectSettingsOf} for ingest, read once a second rather than for every case opened (see lookup-cache.ts: a
 * change made by another instance shows here within a second). Shared: callers must not change it.
 */
export function projectSettingsCached(conn: Conn, projectId: string): Promise<ProjectSettings> {
  return settingsByProject.get(conn, projectId, () => projectSettingsOf(conn, projectId));
}
