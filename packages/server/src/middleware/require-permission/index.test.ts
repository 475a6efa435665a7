import { Hono } from 'hono';
import { ErrorBody } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../app-env.js';
import { onError } from '../../http/error-handler.js';
import { PERMISSIONS } from '@closeloop/sdk/logic';
import type { Permission } from '@closeloop/sdk/logic';
import { projectKeyPrincipal } from '../../http/principal.js';
import type { Principal } from '../../http/principal.js';
import { NOW } from '../../testing/fixtures.js';
import { requirePermission } from './index.js';

const project = { id: 'p', name: 'Shop', publicKey: 'pk_p', identitySecret: 's', allowedOrigins: [], createdAt: NOW.toISOString() };

/** An app whose requests act as `principal` (unset: nobody authenticated), with one route per permission. */
function appAs(principal: Principal | undefined) {
  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.use('*', async (c, next) => {
    if (principal) c.set('principal', principal);
    await next();
  });
  for (const permission of PERMISSIONS) app.get(`/${permission}`, requirePermission(permission), (c) => c.json({ ok: true }));
  return app;
}

describe('requirePermission', () => {
  it('lets a project key do everything', async () => {
    const app = appAs(projectKeyPrincipal(project));
    for (const permission of PERMISSIONS) expect((await app.request(`/${permission}`)).status).toBe(200);
  });

  it('refuses a principal without the permission with a 403 naming the permission, and lets the others through', async () => {
    const readOnly: Principal = { ...projectKeyPrincipal(project), permissions: new Set<Permission>(['cases:read', 'surveys:read']) };
    const app = appAs(readOnly);
    expect((await app.request('/cases:read')).status).toBe(200);
    const res = await app.request('/surveys:write');
    expect(res.status).toBe(403);
    expect(ErrorBody.parse(await res.json()).error).toMatchObject({
      code: 'forbidden',
      issues: [{ path: 'authorization', message: expect.stringContaining('surveys:write') }],
    });
  });

  it('answers 401 when nothing authenticated the request (a route mounted without its auth middleware)', async () => {
    const res = await appAs(undefined).request('/cases:read');
    expect(res.status).toBe(401);
    expect(ErrorBody.parse(await res.json()).error).toMatchObject({ code: 'unauthorized', issues: [{ path: 'authorization' }] });
  });
});
