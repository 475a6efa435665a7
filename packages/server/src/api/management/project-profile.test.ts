import { signIdentity } from '@closeloop/sdk/node';
import { ErrorBody, IdentitySecretRotated, ProjectProfile } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { findProjectByPublicKey } from '../../repos/projects.js';
import { NOW, submission } from '../../testing/fixtures.js';
import { post, useTestApp } from '../../testing/test-app.js';
import type { TestApp } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-dbs.js';

function as(t: TestApp) {
  const headers = { authorization: `Bearer ${t.shop.secretKey}`, 'content-type': 'application/json' };
  return {
    get: () => t.app.request('/api/v1/settings/project', { headers }),
    patch: (body: unknown) => t.app.request('/api/v1/settings/project', { method: 'PATCH', headers, body: JSON.stringify(body) }),
    rotate: () => t.app.request('/api/v1/settings/identity-secret/rotate', { method: 'POST', headers }),
  };
}

describe.each(testDialects)('/api/v1/settings/project and identity-secret on $name', ({ open }) => {
  const t = useTestApp({}, open);

  it('reads the name, public key and origins, never the identity secret', async () => {
    const res = await as(t).get();
    expect(res.status).toBe(200);
    const body: unknown = await res.json();
    expect(ProjectProfile.parse(body)).toEqual({ id: t.shop.project.id, name: 'shop', publicKey: 'pk_shop', allowedOrigins: ['https://shop.example'] });
    expect(JSON.stringify(body)).not.toContain('shop-identity');
  });

  it('renames the project and replaces the allowed origins; the public API follows at once', async () => {
    const res = await as(t).patch({ name: ' Demo Shop ', allowedOrigins: ['https://www.shop.example', 'http://localhost:5173'] });
    expect(res.status).toBe(200);
    expect(ProjectProfile.parse(await res.json())).toMatchObject({ name: 'Demo Shop', allowedOrigins: ['https://www.shop.example', 'http://localhost:5173'] });
    const config = (origin: string) => t.app.request('/v1/config?project=pk_shop', { headers: { origin } });
    expect((await config('https://www.shop.example')).headers.get('access-control-allow-origin')).toBe('https://www.shop.example');
    expect((await config('https://shop.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it.each([
    [{ allowedOrigins: ['https://shop.example', 'https://shop.example/checkout'] }, 'allowedOrigins.1', /^must be an origin/],
    [{ allowedOrigins: ['shop.example'] }, 'allowedOrigins.0', /^must be an origin/],
    [{ allowedOrigins: ['ftp://shop.example'] }, 'allowedOrigins.0', /^must be an origin/],
    [{ allowedOrigins: ['https://a.example', 'https://A.example'] }, 'allowedOrigins', /^must not name an origin twice/],
    [{ name: '' }, 'name', /^must not be empty/],
    [{}, '(root)', /^must change at least one/],
    [{ publicKey: 'pk_other' }, 'publicKey', /^is unknown here/],
  ])('refuses %j with a 422 naming %s', async (body, path, message) => {
    const res = await as(t).patch(body);
    expect(res.status).toBe(422);
    expect(ErrorBody.parse(await res.json()).error.issues).toContainEqual({ path, message: expect.stringMatching(message) });
    expect((await findProjectByPublicKey(t.db.kysely, 'pk_shop'))?.allowedOrigins).toEqual(['https://shop.example']);
  });

  it('rotating the identity secret shows the new one once; signatures made with the old one stop verifying', async () => {
    const res = await as(t).rotate();
    expect(res.status).toBe(200);
    const { identitySecret, rotatedAt } = IdentitySecretRotated.parse(await res.json());
    expect(rotatedAt).toBe(NOW.toISOString());
    expect(identitySecret).not.toBe('shop-identity');
    expect(identitySecret.length).toBeGreaterThanOrEqual(43);

    const answer = async (secret: string) => {
      const body = submission({ respondent: { anonymousId: 'anon-1', userId: 'user-42', signature: signIdentity(secret, 'user-42') } });
      expect((await post(t.app, '/v1/responses', body, { origin: 'https://shop.example' })).status).toBe(201);
      return (await t.db.kysely.selectFrom('responses').select('verified').where('id', '=', body.id).executeTakeFirstOrThrow()).verified;
    };
    expect(await answer('shop-identity')).toBe(0);
    expect(await answer(identitySecret)).toBe(1);
  });
});
