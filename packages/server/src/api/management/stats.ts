import { Hono } from 'hono';
import { FollowUpStatsQuery, NpsStatsQuery, ThemesQuery } from '@closeloop/sdk/schemas';
import type { DetractorThemes, FollowUpStats, NpsStats } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../../app-env.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import { requirePermission } from '../../middleware/require-permission/index.js';
import { getDetractorThemes } from '../../stats/get-detractor-themes.js';
import { getFollowUpStats } from '../../stats/get-follow-up-stats.js';
import { getNpsStats } from '../../stats/get-nps-stats.js';
import { statsWindow } from '../../stats/stats-window.js';
import type { ManagementApiOptions } from './options.js';

/** `/api/v1/stats`: what customers say (NPS, themes), and how the follow-up work goes and whether it wins them back. */
export function statsApi({ db, now }: ManagementApiOptions): Hono<AppEnv> {
  return (
    new Hono<AppEnv>()
      /**
       * `GET /api/v1/stats/follow-ups?from&to`: the figures of the cases opened and the detractors who answered in the
       * window (default: the last 30 days), overall, per team and per member, and the root causes period by period.
       */
      .get('/follow-ups', requirePermission('stats:read'), async (c) => {
        const query = parseOrThrow(FollowUpStatsQuery, c.req.query(), 'query');
        const at = now();
        const body: FollowUpStats = await getFollowUpStats(db.reads, c.get('principal').project.id, statsWindow(query, at), at);
        return c.json(body);
      })
      /**
       * `GET /api/v1/stats/nps?from&to&interval=day|week&surveyId&page&attr.<name>=<value>`: NPS per day or week over
       * the window (default the last 30 days), the 0–10 distribution and the totals.
       */
      .get('/nps', requirePermission('stats:read'), async (c) => {
        const { from, to, interval, ...filters } = parseOrThrow(NpsStatsQuery, c.req.query(), 'query');
        const body: NpsStats = await getNpsStats(db.reads, c.get('principal').project.id, statsWindow({ from, to }, now()), interval, filters);
        return c.json(body);
      })
      /**
       * `GET /api/v1/stats/themes?from&to&surveyId&page&attr.<name>=<value>`: the words and phrases detractors use most,
       * and the pages producing the most detractors.
       */
      .get('/themes', requirePermission('stats:read'), async (c) => {
        const { from, to, ...filters } = parseOrThrow(ThemesQuery, c.req.query(), 'query');
        const body: DetractorThemes = await getDetractorThemes(db.reads, c.get('principal').project.id, statsWindow({ from, to }, now()), filters);
        return c.json(body);
      })
  );
}
