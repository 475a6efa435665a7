import { describe, expect, it } from 'vitest';
import { findProjectByPublicKey, findProjectBySecretKey } from '../repos/projects.js';
import { listProjectKeys } from '../repos/project-keys.js';
import { NOW } from '../testing/fixtures.js';
import { testDialects, useTestDb } from '../testing/test-dbs.js';
import { provisionProject } from './provision-project.js';

describe.each(testDialects)('provisionProject on $name', ({ open }) => {
  const t = useTestDb(open);

  it('creates a project with generated keys: the secret key works and is stored only hashed', async () => {
    const { project, secretKey } = await provisionProject(t.db, { name: ' Shop ', allowedOrigins: ['https://shop.example'] }, NOW);
    expect(project).toMatchObject({ name: 'Shop', publicKey: expect.stringMatching(/^pk_[A-Za-z0-9_-]{16}$/), allowedOrigins: ['https://shop.example'] });
    expect(project.identitySecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secretKey).toMatch(/^sk_live_[A-Za-z0-9_-]{43}$/);
    expect((await findProjectBySecretKey(t.db.kysely, secretKey, NOW))?.id).toBe(project.id);
    expect(await listProjectKeys(t.db.kysely, project.id)).toEqual([expect.objectContaining({ label: 'Default key', prefix: secretKey.slice(0, 12), revokedAt: null })]);
    const stored = await t.db.kysely.selectFrom('project_keys').select('key_hash').executeTakeFirstOrThrow();
    expect(stored.key_hash).not.toContain(secretKey);

    const other = await provisionProject(t.db, { name: 'Other', allowedOrigins: ['*'] }, NOW);
    expect(other.project.publicKey).not.toBe(project.publicKey);
    expect(other.secretKey).not.toBe(secretKey);
  });

  it('refuses a name or origins the API would refuse, storing nothing', async () => {
    await expect(provisionProject(t.db, { name: ' ', allowedOrigins: ['*'] }, NOW)).rejects.toThrow(/must not be empty/);
    await expect(provisionProject(t.db, { name: 'Shop', allowedOrigins: ['https://shop.example/path'] }, NOW)).rejects.toThrow(/must be an origin/);
    expect(await t.db.kysely.selectFrom('projects').select('id').execute()).toEqual([]);
    expect(await findProjectByPublicKey(t.db.kysely, 'pk_shop')).toBeNull();
  });
});
