import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Conn } from '../db/db.js';
import type { ProjectsTable } from '../db/database.js';
import { hashSecretKey } from './hash-secret-key.js';

/** A project as the server uses it. The secret key is never held in memory after creation: only its hash is stored. */
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
  /** The plain `sk_…` key; only its SHA-256 is stored. */
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
  const row = {
    id: input.id ?? randomUUID(),
    name: input.name,
    public_key: input.publicKey,
    secret_key_hash: hashSecretKey(input.secretKey),
    identity_secret: input.identitySecret,
    allowed_origins: JSON.stringify(input.allowedOrigins),
    created_at: now.toISOString(),
  };
  await conn.insertInto('projects').values(row).execute();
  return projectFromRow(row);
}

export async function findProjectByPublicKey(conn: Conn, publicKey: string): Promise<Project | null> {
  const row = await conn.selectFrom('projects').selectAll().where('public_key', '=', publicKey).executeTakeFirst();
  return row ? projectFromRow(row) : null;
}

/** Hashes `secretKey` and looks the hash up, so the plain key is never compared or stored. */
export async function findProjectBySecretKey(conn: Conn, secretKey: string): Promise<Project | null> {
  const row = await conn.selectFrom('projects').selectAll().where('secret_key_hash', '=', hashSecretKey(secretKey)).executeTakeFirst();
  return row ? projectFromRow(row) : null;
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
