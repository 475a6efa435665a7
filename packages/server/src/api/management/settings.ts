import { Hono } from 'hono';
import { ProjectSettingsPatch } from '@closeloop/sdk/schemas';
import type { ProjectSettings } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../../app-env.js';
import { withTransaction } from '../../db/with-transaction.js';
import { routingTargetIssues } from '../../cases/routing-target-issues.js';
import { HttpError } from '../../http/http-error.js';
import { readJsonBody } from '../../http/read-json-body.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import { requirePermission } from '../../middleware/require-permission/index.js';
import { findProjectSettings, saveProjectSettings } from '../../repos/project-settings.js';
import type { ManagementApiOptions } from './options.js';

/** `/api/v1/settings`: the project's settings (root causes, business hours, feedback routing, customer value). */
export function settingsApi({ db }: ManagementApiOptions): Hono<AppEnv> {
  return (
    new Hono<AppEnv>()
      /** `GET /api/v1/settings`: every setting, defaults filled in. */
      .get('/', requirePermission('settings:read'), async (c) => {
        const settings = await findProjectSettings(db.kysely, c.get('principal').project.id);
        if (settings === null) throw new Error('the principal’s project has no row');
        return c.json(settings);
      })

      /**
       * `PATCH /api/v1/settings`: each setting sent replaces the stored one whole (the list of root causes is sent
       * complete); the others stay. Removing a root cause leaves the cases resolved with it as they are. Feedback
       * routing rules must point at the project's teams and live members (422 naming the rule's field).
       */
      .patch('/', requirePermission('settings:write'), async (c) => {
        const patch = parseOrThrow(ProjectSettingsPatch, await readJsonBody(c), 'settings');
        const projectId = c.get('principal').project.id;
        const settings = await withTransaction(db.kysely, async (trx) => {
          const issues = await routingTargetIssues(trx, projectId, patch.feedbackRouting ?? [], 'feedbackRouting');
          if (issues.length > 0) throw new HttpError(422, 'unknown_routing_target', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
          const stored = await findProjectSettings(trx, projectId);
          if (stored === null) throw new Error('the principal’s project has no row');
          const next: ProjectSettings = { ...stored, ...patch };
          await saveProjectSettings(trx, projectId, next);
          return next;
        });
        return c.json(settings);
      })
  );
}
