import { randomUUID } from 'node:crypto';
import { bench, describe } from 'vitest';
import { openSqliteDb } from '../db/sqlite.js';
import { NOW, seedProject } from '../testing/fixtures.js';
import { getDetractorThemes } from './get-detractor-themes.js';
import { getNpsStats } from './get-nps-stats.js';

// A busy month of NPS answers in SQLite: 100,000 over the default 30-day window, spread over 40 pages, a third with a
// comment, every score alike. It reports how long the NPS reply (daily buckets, then weeks, then one page) and the
// themes reply take; it asserts nothing about time.
const ANSWERS = 100_000;
const BATCH = 500;
const WINDOW_MS = 30 * 86_400_000;
const COMMENTS = ['Delivery was late again', 'The checkout page kept crashing', 'Great prices and fast shipping', 'Support never answered my email', 'Charged twice for one order'];
const db = await openSqliteDb({ file: ':memory:' });
const { project } = await seedProject(db);

await db.kysely.transaction().execute(async (trx) => {
  for (let start = 0; start < ANSWERS; start += BATCH) {
    await trx
      .insertInto('responses')
      .values(
        Array.from({ length: BATCH }, (_, j) => {
          const i = start + j;
          const at = new Date(NOW.getTime() - ((i * 7919) % WINDOW_MS)).toISOString();
          const answers = i % 3 === 0 ? { nps: i % 11, comment: COMMENTS[i % COMMENTS.length] } : { nps: i % 11 };
          return {
            id: randomUUID(),
            project_id: project.id,
            survey_id: 'nps',
            answers: JSON.stringify(answers),
            nps_score: i % 11,
            page_path: `/page-${i % 40}`,
            finished: 1,
            respondent: JSON.stringify({ anonymousId: `c-${i}`, attributes: { plan: i % 2 === 0 ? 'pro' : 'free' } }),
            anonymous_id: `c-${i}`,
            verified: 0,
            context: `{"url":"https://shop.example/page-${i % 40}"}`,
            answered_at: at,
            received_at: at,
            updated_at: at,
          };
        }),
      )
      .execute();
  }
});

const window = { from: new Date(NOW.getTime() - WINDOW_MS).toISOString(), to: NOW.toISOString() };

describe(`results stats over ${ANSWERS.toLocaleString('en')} answers in 30 days (SQLite)`, () => {
  bench('GET /api/v1/stats/nps per day', async () => {
    await getNpsStats(db.kysely, project.id, window, 'day', {});
  });
  bench('GET /api/v1/stats/nps per week, one page', async () => {
    await getNpsStats(db.kysely, project.id, window, 'week', { page: '/page-7' });
  });
  bench('GET /api/v1/stats/nps per day, attr.plan=pro', async () => {
    await getNpsStats(db.kysely, project.id, window, 'day', { attr: { plan: 'pro' } });
  });
  bench('GET /api/v1/stats/themes', async () => {
    await getDetractorThemes(db.kysely, project.id, window, {});
  });
});
