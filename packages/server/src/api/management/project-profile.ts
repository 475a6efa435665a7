import { Hono } from 'hono';
import { ProjectProfilePatch } from '@closeloop/sdk/schemas';
import type { IdentitySecretRotated, ProjectProfile } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../../app-env.js';
import { generateIdentitySecret } from '../../projects/generate-keys.js';
import type { Project } from '../../repos/projects.js';
import { findProjectById, setIdentitySecret, updateProjectProfile } from '../../repos/projects.js';
import { readJsonBody } from '../../http/read-json-body.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import { requirePermission } from '../../middleware/require-permission/index.js';
import type { ManagementApiOptions } from './options.js';

function profileOf({ id, name, publicKey, allowedOrigins }: Project): ProjectProfile {
  return { id, name, publicKey, allowedOrigins };
}

/**
 * `/api/v1/settings/project` and `/api/v1/settings/identity-secret/rotate` (mounted beside the other settings): the
 * project's name, public key and allowed origins, and a new identity secret.
 */
export function projectProfileApi({ db, now }: ManagementApiOptions): Hono<AppEnv> {
  async function current(projectId: string): Promise<Project> {
    const project = await findProjectById(db.kysely, projectId);
    if (project === null) throw new Error('the principal’s project has no row');
    return project;
  }
  return (
    new Hono<AppEnv>()
      /** `GET /api/v1/settings/project`: name, public key (for the script tag), allowed origins. Never the identity secret. */
      .get('/project', requirePermission('settings:read'), async (c) => c.json(profileOf(await current(c.get('principal').project.id))))

      /**
       * `PATCH /api/v1/settings/project` `{ name?, allowedOrigins? }`: origins are checked to be bare origins (422
       * naming `allowedOrigins.<i>`); the public API allows the new list from the next request on.
       */
      .patch('/project', requirePermission('settings:write'), async (c) => {
        const patch = parseOrThrow(ProjectProfilePatch, await readJsonBody(c), 'project settings');
        const projectId = c.get('principal').project.id;
        await updateProjectProfile(db.kysely, projectId, patch);
        return c.json(profileOf(await current(projectId)));
      })

      /**
       * `POST /api/v1/settings/identity-secret/rotate` → the new secret, shown this once. Signatures made with the old
       * one stop verifying at once: until the host backend signs with the new one, its users' answers are stored as
       * unverified and they read no messages. Rotate when the old one may have leaked.
       */
      .post('/identity-secret/rotate', requirePermission('settings:write'), async (c) => {
        const identitySecret = generateIdentitySecret();
        await setIdentitySecret(db.kysely, c.get('principal').project.id, identitySecret);
        const body: IdentitySecretRotated = { identitySecret, rotatedAt: now().toISOString() };
        return c.json(body);
      })
  );
}
