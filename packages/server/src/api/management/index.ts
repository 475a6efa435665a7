import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { managementAuth } from '../../middleware/management-auth/index.js';
import { keyRateLimit } from '../../middleware/rate-limit/index.js';
import { eventsApi } from './events.js';
import { exportsApi } from './exports.js';
import { feedbackApi } from './feedback.js';
import { followUpsApi } from './follow-ups.js';
import { integrationsApi } from './integrations.js';
import { keysApi } from './keys.js';
import { membersApi } from './members.js';
import type { ManagementApiOptions } from './options.js';
import { peopleApi } from './people.js';
import { responsesApi } from './responses.js';
import { projectProfileApi } from './project-profile.js';
import { settingsApi } from './settings.js';
import { statsApi } from './stats.js';
import { surveysApi } from './surveys.js';
import { teamsApi } from './teams.js';
import { webhooksApi } from './webhooks.js';

export type { ManagementApiOptions } from './options.js';

/**
 * The management API (mounted at `/api/v1`): every request authenticates to a principal (`Authorization: Bearer
 * sk_…`, or a console session cookie), is rate limited per key or member, each route names the permission it needs, and every query is scoped to the principal's project.
 * One sub-app per resource, handlers inline.
 */
export function managementApi(options: ManagementApiOptions): Hono<AppEnv> {
  const targets = { ...options, allowPrivateWebhooks: options.allowPrivateWebhooks ?? false };
  return new Hono<AppEnv>()
    .use('*', managementAuth({ db: options.db, now: options.now }))
    .use('*', keyRateLimit(options.rateLimits))
    .route('/follow-ups', followUpsApi(options))
    .route('/members', membersApi(options))
    .route('/teams', teamsApi(options))
    .route('/settings', settingsApi(options))
    .route('/settings', projectProfileApi(options))
    .route('/keys', keysApi(options))
    .route('/surveys', surveysApi(options))
    .route('/responses', responsesApi(options))
    .route('/feedback', feedbackApi(options))
    .route('/stats', statsApi(options))
    .route('/events', eventsApi({ db: options.db, ...options.eventStream }))
    .route('/people', peopleApi(options))
    .route('/export', exportsApi(options))
    // These two carry their own paths (`/webhooks…`, `/integrations/slack`).
    .route('/', webhooksApi(targets))
    .route('/', integrationsApi(targets));
}
