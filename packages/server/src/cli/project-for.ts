import type { Conn } from '../db/db.js';
import { findProjectByPublicKey, listProjects } from '../repos/projects.js';
import type { Project } from '../repos/projects.js';
import { CliUsageError } from './cli-usage-error.js';

/** The project named by `--project`, or the only one; a usage error naming `--project` otherwise. */
export async function projectFor(conn: Conn, publicKey: string | undefined): Promise<Project> {
  if (publicKey !== undefined) {
    const project = await findProjectByPublicKey(conn, publicKey);
    if (project === null) throw new CliUsageError(`--project ${publicKey}: no project has this public key`);
    return project;
  }
  const projects = await listProjects(conn);
  if (projects.length === 1 && projects[0]) return projects[0];
  if (projects.length === 0) throw new CliUsageError('no project yet: run `closeloop init` (or `closeloop demo`) first');
  throw new CliUsageError(`--project is required: this server has ${projects.length} projects (${projects.map((p) => p.publicKey).join(', ')})`);
}
