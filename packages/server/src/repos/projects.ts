import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Conn } from '../db/db.js';
import type { ProjectsTable } from '../db/database.js';
import { hashSecretKey } from './hash-secret-key.js';
import { lookupCache } from './lookup-cache.js';
import { insertProjectKey, touchProjectKey } from './project-keys.js';

/** A project as the server uses it. Its secret keys live in `project_keys`, only their hashes stored. */
export interface Project {
  id: string;
  name: string;
  publicKey: string;
  identitySecret: string;
  /** Origins allowed to call the public API from a browser; `*` allows any. */
  allowedOrigins: string[];
  createdAt: string;
}

export interface NewProject {
  /** Defaults to a random UUID. */
  id?: string;
  name: string;
  publicKey: string;
  /** The plain `sk_…` key, the project's first (`project_keys`, labelled `Default key`); only its SHA-256 is stored. */
  secretKey: string;
  identitySecret: string;
  allowedOrigins: string[];
}

const AllowedOrigins = z.array(z.string());

// Rows are parsed on the way out, so a row written by an older server, or edited by hand, fails loudly here
// instead of reaching a client in a shape the contract does not allow.
function projectFromRow(row: Omit<ProjectsTable, 'settings'>): Project {
  return {
    id: row.id,
    name: row.name,
    publicKey: row.public_key,
    identitySecret: row.identity_secret,
    allowedOrigins: AllowedOrigins.parse(JSON.parse(row.allowed_origins)),
    createdAt: row.created_at,
  };
}

export async function createProject(conn: Conn, input: NewProject, now: Date): Promise<Project> {
  const id = input.id ?? randomUUID();
  // A request for this key just before may have cached "no such project".
  projectsByPublicKey.clear(conn);
  const row = {
    id,
    name: input.name,
    public_key: input.publicKey,
    // Retired by 0015: the key goes to project_keys below.
    secret_key_hash: `retired:${id}`,
    identity_secret: input.identitySecret,
    allowed_origins: JSON.stringify(input.allowedOrigins),
    created_at: now.toISOString(),
  };
  await conn.insertInto('projects').values(row).execute();
  await insertProjectKey(conn, id, 'Default key', input.secretKey, now);
  return projectFromRow(row);
}

export async function findProjectByPublicKey(conn: Conn, publicKey: string): Promise<Project | null> {
  const row = await conn.selectFrom('projects').selectAll().where('public_key', '=', publicKey).executeTakeFirst();
  return row ? projectFromRow(row) : null;
}

const projectsByPublicKey = lookupCache<Project | null>('projects-by-public-key');

/**
 * {@link findProjectByPublicKey} for every public request (see lookup-cache.ts: a change made by another instance
 * shows here within a second). Callers must not change the project they get: it is shared.
 */
export function findProjectByPublicKeyCached(conn: Conn, publicKey: string): Promise<Project | null> {
  return projectsByPublicKey.get(conn, publicKey, () => findProjectByPublicKey(conn, publicKey));
}

/**
 * Hashes `secretKey` and looks the hash up among the live keys, so the plain key is never compared or stored; a
 * revoked key finds nothing from the moment it is revoked. A key found has its last use recorded (to the minute),
 * so the settings can show which keys are still in use before one is revoked.
 */
export async function findProjectBySecretKey(conn: Conn, secretKey: string, now = new Date()): Promise<Project | null> {
  const keyHash = hashSecretKey(secretKey);
  const row = await conn
    .selectFrom('project_keys')
    .innerJoin('projects', 'projects.id', 'project_keys.project_id')
    .selectAll('projects')
    .where('project_keys.key_hash', '=', keyHash)
    .where('project_keys.revoked_at', 'is', null)
    .executeTakeFirst();
  if (row === undefined) return null;
  await touchProjectKey(conn, keyHash, now);
  return projectFromRow(row);
}

/** Renames the project and/or replaces its allowed origins; the fields not given stay. */
export async function updateProjectProfile(conn: Conn, projectId: string, patch: { name?: string; allowedOrigins?: string[] }): Promise<void> {
  projectsByPublicKey.clear(conn);
  await conn
    .updateTable('projects')
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.allowedOrigins !== undefined && { allowed_origins: JSON.stringify(patch.allowedOrigins) }),
    })
    .where('id', '=', projectId)
    .execute();
}

/** Replaces the secret identities are signed with: signatures made with the old one stop verifying at once. */
export async function setIdentitySecret(conn: Conn, projectId: string, identitySecret: string): Promise<void> {
  projectsByPublicKey.clear(conn);
  await conn.updateTable('projects').set({ identity_secret: identitySecret }).where('id', '=', projectId).execute();
}

export async function findProjectById(conn: Conn, id: string): Promise<Project | null> {
  const row = await conn.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? projectFromRow(row) : null;
}

/** Every project on the instance, oldest first: the CLI picks the only one when no `--project` is given. */
export async function listProjects(conn: Conn): Promise<Project[]> {
  const rows = await conn.selectFrom('projects').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(projectFromRow);
}
