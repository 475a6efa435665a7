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
});
