import { describe, expect, it } from 'vitest';
import { openSqliteTestDb } from '../testing/test-dbs.js';
import { DEMO_SURVEY, seedDemo } from './seed-demo.js';
import { findProjectBySecretKey } from '../repos/projects.js';
import { findSurvey, listActiveSurveys, upsertSurvey } from '../repos/surveys.js';

describe('seedDemo', () => {
  it('creates the demo project and survey once, and can run again', async () => {
    const { db, cleanup } = await openSqliteTestDb();
    const first = await seedDemo(db, new Date());
    const second = await seedDemo(db, new Date());
    expect(second).toEqual(first);
    expect(await findProjectBySecretKey(db.kysely, 'sk_demo')).toEqual(first);
    expect(first.allowedOrigins).toEqual(['*']);
    expect(await listActiveSurveys(db.kysely, first.id)).toEqual([DEMO_SURVEY]);
    expect(DEMO_SURVEY.questions.map((q) => [q.id, q.type])).toEqual([
      ['nps', 'nps'],
      ['comment', 'text'],
      ['contact', 'contact'],
    ]);
    await cleanup();
  });

  it('leaves an edited demo survey as it is on the next run', async () => {
    const { db, cleanup } = await openSqliteTestDb();
    const project = await seedDemo(db, new Date());
    const edited = { ...DEMO_SURVEY, name: 'Edited through PUT /api/v1/surveys/nps', triggers: [{ type: 'dwell' as const, seconds: 5 }] };
    await upsertSurvey(db.kysely, project.id, edited, new Date());
    await seedDemo(db, new Date());
    expect(await findSurvey(db.kysely, project.id, 'nps')).toEqual(edited);
    await cleanup();
  });
});
