import { randomUUID } from 'node:crypto';
import Sqlite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { NOW } from '../testing/fixtures.js';
import type { Database } from './database.js';
import { KyselyStore } from './kysely-store.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations.js';

describe('migration 0002_feedback', () => {
  it('keeps the cases a 0001 database already holds, readable with their responses', async () => {
    const database = new Sqlite(':memory:');
    database.pragma('foreign_keys = ON');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
    try {
      const first = { '0001_initial': migrations['0001_initial']! };
      const { error } = await new Migrator({ db, provider: { getMigrations: async () => first } }).migrateToLatest();
      expect(error).toBeUndefined();
      const at = NOW.toISOString();
      const responseId = randomUUID();
      await db.insertInto('projects').values({ id: 'p', name: 'p', public_key: 'pk_p', secret_key_hash: 'h', identity_secret: 's', allowed_origins: '[]', created_at: at }).execute();
      await db
        .insertInto('responses')
        .values({ id: responseId, project_id: 'p', survey_id: 'nps', answers: '{"nps":2}', finished: 1, respondent: '{"anonymousId":"a"}', verified: 0, context: '{"url":"https://shop.example/"}', answered_at: at, received_at: at, updated_at: at })
        .execute();
      await db
        .insertInto('follow_ups')
        .values({ id: randomUUID(), project_id: 'p', response_id: responseId, survey_id: 'nps', status: 'assigned', priority: 'high', owner_id: 'agent-1', trigger: '{"question":"nps","value":2}', due_at: at, created_at: at, updated_at: at })
        .execute();

      await migrateToLatest(db as Kysely<unknown>);
      const cases = await new KyselyStore(db, 'sqlite').listFollowUps('p', { limit: 10 });
      expect(cases.data).toEqual([
        expect.objectContaining({ source: 'survey', status: 'assigned', priority: 'high', ownerId: 'agent-1', trigger: { question: 'nps', value: 2 }, response: expect.objectContaining({ id: responseId, answers: { nps: 2 } }) }),
      ]);
      // The rebuilt table still refuses a case without a cause.
      await expect(
        db.insertInto('follow_ups').values({ id: randomUUID(), project_id: 'p', status: 'open', priority: 'normal', due_at: at, created_at: at, updated_at: at }).execute(),
      ).rejects.toThrow(/CHECK constraint/);
    } finally {
      await db.destroy();
    }
  });
});
