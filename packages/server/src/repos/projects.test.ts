import { describe, expect, it } from 'vitest';
import { seedProject } from '../testing/fixtures.js';
import { testDialects, useTestDb } from '../testing/test-dbs.js';
import { findProjectByPublicKey, findProjectBySecretKey } from './projects.js';

describe.each(testDialects)('projects on $name', ({ open }) => {
  const t = useTestDb(open);

  it('answers a ping', async () => {
    await expect(t.db.ping()).resolves.toBeUndefined();
  });

  it('finds projects by public key and by secret key, never storing the secret in the clear', async () => {
    const { project, secretKey } = await seedProject(t.db);
    expect(await findProjectByPublicKey(t.db.kysely, 'pk_shop')).toEqual(project);
    expect(await findProjectBySecretKey(t.db.kysely, secretKey)).toEqual(project);
    expect(await findProjectBySecretKey(t.db.kysely, 'sk_wrong')).toBeNull();
    expect(await findProjectByPublicKey(t.db.kysely, 'pk_nope')).toBeNull();
    expect(project.allowedOrigins).toEqual(['https://shop.example']);
    expect(JSON.stringify(project)).not.toContain(secretKey);
    const stored = await t.db.kysely.selectFrom('projects').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(secretKey);
  });
});
