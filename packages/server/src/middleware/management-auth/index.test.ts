import { Hono } from 'hono';
import { ErrorBody } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../app-env.js';
import { onError } from '../../http/error-handler.js';
import { NOW } from '../../testing/fixtures.js';
import { openSqliteTestDb } from '../../testing/test-dbs.js';
import { managementAuth } from './index.js';
import { createProject } from '../../repos/projects.js';

const { db } = await openSqliteTestDb();
await createProject(db.kysely, { name: 'p', publicKey: 'pk_p', secretKey: 'sk_live_123', identitySecret: 'x', allowedOrigins: [] }, NOW);

const app = new Hono<AppEnv>();
app.onError(onError);
app.use('*', managementAuth({ db }));
app.get('/whoami', (c) => c.json({ kind: c.get('principal').kind, project: c.get('principal').project.publicKey }));

describe('managementAuth', () => {
  it('hands the route a project-key principal for a valid secret key (scheme case-insensitive)', async () => {
    for (const header of ['Bearer sk_live_123', 'bearer  sk_live_123 ']) {
      const res = await app.request('/whoami', { headers: { Authorization: header } });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ kind: 'project-key', project: 'pk_p' });
    }
  });

  it.each([
    ['no header', {}, 'missing'],
    ['empty header', { Authorization: '' }, 'missing'],
    ['another scheme', { Authorization: 'Basic c2tfbGl2ZV8xMjM=' }, 'Bearer'],
    ['a public key', { Authorization: 'Bearer pk_p' }, 'Bearer'],
    ['an unknown key', { Authorization: 'Bearer sk_live_124' }, 'unknown'],
  ])('401 naming authorization for %s', async (_, headers, message) => {
    const res = await app.request('/whoami', { headers });
    expect(res.status).toBe(401);
    const { error } = ErrorBody.parse(await res.json());
    expect(error).toMatchObject({ code: 'unauthorized', issues: [{ path: 'authorization' }] });
    expect(error.issues?.[0]?.message).toContain(message);
  });
});
