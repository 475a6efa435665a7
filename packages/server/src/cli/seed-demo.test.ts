import { describe, expect, it } from 'vitest';
import { openSqliteTestStore } from '../testing/test-stores.js';
import { DEMO_SURVEY, seedDemo } from './seed-demo.js';

describe('seedDemo', () => {
  it('creates the demo project and survey once, and can run again', async () => {
    const { store, cleanup } = await openSqliteTestStore();
    const first = await seedDemo(store, new Date());
    const second = await seedDemo(store, new Date());
    expect(second).toEqual(first);
    expect(await store.findProjectBySecretKey('sk_demo')).toEqual(first);
    expect(first.allowedOrigins).toEqual(['*']);
    expect(await store.listActiveSurveys(first.id)).toEqual([DEMO_SURVEY]);
    expect(DEMO_SURVEY.questions.map((q) => [q.id, q.type])).toEqual([
      ['nps', 'nps'],
      ['comment', 'text'],
    ]);
    await cleanup();
  });

  it('leaves an edited demo survey as it is on the next run', async () => {
    const { store, cleanup } = await openSqliteTestStore();
    const project = await seedDemo(store, new Date());
    const edited = { ...DEMO_SURVEY, name: 'Edited through PUT /api/v1/surveys/nps', triggers: [{ type: 'dwell' as const, seconds: 5 }] };
    await store.upsertSurvey(project.id, edited, new Date());
    await seedDemo(store, new Date());
    expect(await store.getSurvey(project.id, 'nps')).toEqual(edited);
    await cleanup();
  });
});
