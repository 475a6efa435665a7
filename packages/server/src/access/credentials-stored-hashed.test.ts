import { SecretKeyCreated } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { runUsers } from '../cli/users.js';
import { verifyPassword } from '../console-auth/password.js';
import type { Db } from '../db/db.js';
import { hashSecretKey } from '../repos/hash-secret-key.js';
import { signIn } from '../testing/console-login.js';
import { post, useTestApp } from '../testing/test-app.js';
import { testDialects } from '../testing/test-dbs.js';

/**
 * The promise: a copy of the database gives away no usable secret key and no console password. Keys are created the
 * ways an owner creates them (the project's first key, `POST /api/v1/keys`) and a password the way an operator sets
 * one (`closeloop users add`); then every text value of every table is read back and none holds them.
 */

/** Every value of every row of every table, as text: what someone with a copy of the database has. */
async function everythingStored(db: Db): Promise<string[]> {
  const values: string[] = [];
  for (const table of await db.kysely.introspection.getTables()) {
    const rows = await db.kysely.selectFrom(table.name as never).selectAll().execute();
    for (const row of rows as Record<string, unknown>[]) {
      for (const value of Object.values(row)) if (value !== null && value !== undefined) values.push(typeof value === 'string' ? value : JSON.stringify(value));
    }
  }
  return values;
}

describe.each(testDialects)('secret keys and console passwords are stored hashed on $name', ({ open }) => {
  const t = useTestApp({}, open);
  const PASSWORD = 'correct horse battery staple';

  it('no table holds a secret key or a password; the stored hashes verify them', async () => {
    const created = SecretKeyCreated.parse(await (await post(t.app, '/api/v1/keys', { label: 'CI' }, { Authorization: `Bearer ${t.shop.secretKey}` })).json());
    const io = { interactive: true, promptHidden: async () => PASSWORD, out: () => undefined };
    await runUsers(t.db, { action: 'add', email: 'ana@shop.example', role: 'admin', name: 'Ana', project: undefined, store: {} }, io, new Date());
    // Signing in stores a session too: its token is a credential of its own, checked below with the rest.
    const session = await signIn(t, 'ana@shop.example', PASSWORD);
    const token = session.cookie.split('=')[1]!;

    const stored = await everythingStored(t.db);
    expect(stored.length).toBeGreaterThan(20);
    for (const secret of [t.shop.secretKey, created.secret, PASSWORD, token]) {
      expect(stored.filter((value) => value.includes(secret))).toEqual([]);
    }

    const keyHashes = (await t.db.kysely.selectFrom('project_keys').select('key_hash').execute()).map((r) => r.key_hash);
    expect(keyHashes.sort()).toEqual([hashSecretKey(t.shop.secretKey), hashSecretKey(created.secret)].sort());
    const { password_hash } = await t.db.kysely.selectFrom('members').select('password_hash').where('email', '=', 'ana@shop.example').executeTakeFirstOrThrow();
    expect(password_hash).toMatch(/^scrypt\$/);
    expect(await verifyPassword(PASSWORD, password_hash ?? '')).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', password_hash ?? '')).toBe(false);

    // And the hashes are what the server checks: both keys and the password work.
    for (const key of [t.shop.secretKey, created.secret]) expect((await t.app.request('/api/v1/keys', { headers: { Authorization: `Bearer ${key}` } })).status).toBe(200);
    expect((await session.send('GET', '/api/v1/surveys')).status).toBe(200);
  });
});
