import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { checkOrigin } from '../middleware/public-cors/index.js';
import type { Db } from '../db/db.js';
import { findProjectByPublicKeyCached } from '../repos/projects.js';
import type { Project } from '../repos/projects.js';
import { HttpError } from './http-error.js';

/**
 * The project a public request names by its key: a 404 naming `project` when no project has it, a 403 naming
 * `origin` when the page's origin is not one the project allows (see checkOrigin), a 429 when the project's rate
 * limit is spent.
 */
export async function findPublicProject(c: Context<AppEnv>, db: Db, key: string): Promise<Project> {
  const project = await findProjectByPublicKeyCached(db.kysely, key);
  if (project === null) throw HttpError.field(404, 'project_not_found', 'project', `no project has the key ${key}`);
  checkOrigin(c, project);
  c.get('chargeProject')?.(project.publicKey);
  return project;
}
