import { NewSecretKey, ProjectKey, Uuid } from '@closeloop/sdk/schemas';
import type { SecretKey } from '@closeloop/sdk/schemas';
import type { Conn } from '../db/db.js';
import { withTransaction } from '../db/with-transaction.js';
import { findProjectKey, generateSecretKey, insertProjectKey, listProjectKeys, revokeProjectKey } from '../repos/project-keys.js';
import type { CommandContext } from './command-context.js';
import { CliUsageError } from './cli-usage-error.js';
import { CommandError } from './command-error.js';
import { withDb } from './open-db.js';
import { parseFlags } from './parse-flags.js';
import { projectFor } from './project-for.js';
import { STORE_OPTIONS, storeConfig } from './store-config.js';

/**
 * `closeloop keys list|create|revoke`: a project's secret keys, as `/api/v1/keys` manages them (a project has one
 * public key, made with it, and any number of secret keys). A new key's secret is printed once and stored hashed.
 */
export async function keysCommand(argv: string[], context: CommandContext): Promise<void> {
  const { values, positionals } = parseFlags(argv, { project: { type: 'string' }, label: { type: 'string' }, key: { type: 'string' }, ...STORE_OPTIONS });
  const [action, ...extra] = positionals;
  if (action === undefined) throw new CliUsageError('missing keys command: list, create or revoke');
  if (action !== 'list' && action !== 'create' && action !== 'revoke') throw new CliUsageError(`unknown keys command "${action}": use list, create or revoke`);
  if (extra.length > 0) throw new CliUsageError(`unexpected argument "${extra[0]}"`);
  if (values.label !== undefined && action !== 'create') throw new CliUsageError('--label only applies to closeloop keys create');
  if (values.key !== undefined && action !== 'revoke') throw new CliUsageError('--key only applies to closeloop keys revoke');
  const project = values.project;
  if (project !== undefined && !ProjectKey.safeParse(project).success) throw new CliUsageError(`--project must be a project's public key such as pk_demo, got "${project}"`);
  let label: string | undefined;
  if (action === 'create') {
    if (values.label === undefined) throw new CliUsageError('--label is required: where the key will be used, such as "Billing backend"');
    const parsed = NewSecretKey.shape.label.safeParse(values.label);
    if (!parsed.success) throw new CliUsageError(`--label ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
    label = parsed.data;
  }
  if (action === 'revoke' && (values.key === undefined || values.key.trim() === '')) throw new CliUsageError('--key is required: the id or prefix `closeloop keys list` shows');

  const config = storeConfig(values, context);
  const { out } = context.io;
  await withDb(config, context.cwd, async ({ db }) => {
    const { id: projectId, publicKey } = await projectFor(db.kysely, project);
    if (action === 'list') {
      const keys = await listProjectKeys(db.kysely, projectId);
      out(`Public key: ${publicKey} (the script tag's data-project; not a secret)`);
      if (keys.length === 0) return out('No secret keys: create one with `closeloop keys create --label …`.');
      for (const key of keys) out(describeKey(key));
      return;
    }
    if (action === 'create') {
      const secret = generateSecretKey();
      const key = await insertProjectKey(db.kysely, projectId, label ?? '', secret, new Date());
      out(`Created secret key "${key.label}" on ${publicKey} (id ${key.id}).`);
      out(`Secret key (shown once, stored hashed): ${secret}`);
      return;
    }
    const revoked = await withTransaction(db.kysely, async (trx) => {
      const key = await keyNamed(trx, projectId, values.key ?? '');
      // Checked again under the update: another revocation between the read and the write leaves the first time.
      if (key.revokedAt !== null || !(await revokeProjectKey(trx, projectId, key.id, new Date()))) {
        throw new CommandError(`key ${key.prefix}… ("${key.label}") was revoked already, at ${key.revokedAt ?? 'the same moment'}`);
      }
      return { key, live: (await listProjectKeys(trx, projectId)).filter((k) => k.revokedAt === null).length };
    });
    out(`Revoked key ${revoked.key.prefix}… ("${revoked.key.label}", id ${revoked.key.id}): requests with it get 401 from now on.`);
    if (revoked.live === 0) out(`${publicKey} has no live secret key left: create one with \`closeloop keys create --label …\`.`);
  });
}

/** The key `--key` names: its id, or a prefix of its shown prefix that fits one key only. */
async function keyNamed(conn: Conn, projectId: string, given: string): Promise<SecretKey> {
  if (Uuid.safeParse(given).success) {
    const found = await findProjectKey(conn, projectId, given);
    if (found === null) throw new CliUsageError(`--key ${given}: the project has no key with this id`);
    return found.key;
  }
  const matches = (await listProjectKeys(conn, projectId)).filter((k) => k.prefix.startsWith(given) || given.startsWith(k.prefix));
  const [only, ...more] = matches;
  if (only === undefined) throw new CliUsageError(`--key ${given}: no key of the project has this id or prefix (see closeloop keys list)`);
  if (more.length > 0) throw new CliUsageError(`--key ${given} fits ${matches.length} keys (${matches.map((k) => k.id).join(', ')}): give the id`);
  return only;
}

function describeKey(key: SecretKey): string {
  const state = key.revokedAt === null ? 'live' : `revoked ${key.revokedAt}`;
  return `${key.id}  ${`${key.prefix}…`.padEnd(14)} ${key.label.padEnd(24)} created ${key.createdAt}  last used ${key.lastUsedAt ?? 'never'}  ${state}`;
}
