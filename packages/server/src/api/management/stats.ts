import { Hono } from 'hono';
import { FollowUpStatsQuery } from '@closeloop/sdk/schemas';
import type { FollowUpStats } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../../app-env.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import { requirePermission } from '../../middleware/require-permission/index.js';
import { getFollowUpStats } from '../../stats/get-follow-up-stats.js';
import { statsWindow } from '../../stats/stats-window.js';
import type { ManagementApiOptions } from './options.js';

/** `/api/v1/stats`: how the follow-up work goes, and whether it wins customers back. */
export function statsApi({ db, now }: ManagementApiOptions): Hono<AppEnv> {
  return (
    new Hono<AppEnv>()
      /**
       * `GET /api/v1/stats/follow-ups?from&to`: the figures of the cases opened and the detractors who answered in the
       * window (default: the last 30 days), overall, per team and per member.
       */
      .get('/follow-ups', requirePermission('stats:read'), async (c) => {
        const query = parseOrThrow(FollowUpStatsQuery, c.req.query(), 'query');
        const at = now();
        const body: FollowUpStats = await getFollowUpStats(db.kysely, c.get('principal').project.id, statsWindow(query, at), at);
        return c.json(body);
      })
  );
}
