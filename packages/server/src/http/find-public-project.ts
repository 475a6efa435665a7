import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { checkOrigin } from '../middleware/public-cors/index.js';
import type { Project, Store } from '../store/store.js';
import { HttpError } from './http-error.js';

/**
 * The project a public request names by its key: a 404 naming `project` when no project has it, a 403 naming
 * `origin` when the page's origin is not one the project allows (see checkOrigin).
 */
export async function findPublicProject(c: Context<AppEnv>, store: Store, key: string): Promise<Project> {
  const project = await store.findProjectByPublicKey(key);
  if (project === null) throw HttpError.field(404, 'project_not_found', 'project', `no project has the key ${key}`);
  checkOrigin(c, project);
  return project;
}
