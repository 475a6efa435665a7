import { randomUUID } from 'node:crypto';
import Sqlite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { NOW } from '../testing/fixtures.js';
import { listCases } from '../repos/cases.js';
import { listAnsweredSurveys } from '../repos/responses.js';
import { openSqliteTestDb, testDialects } from '../testing/test-dbs.js';
import { listCaseEvents } from '../repos/case-events.js';
import { hashSecretKey } from '../repos/hash-secret-key.js';
import { listProjectKeys } from '../repos/project-keys.js';
import { findProjectBySecretKey } from '../repos/projects.js';
import { STATS_CASES_ORDER, STATS_DETRACTORS_ORDER, statsCasesQuery, statsDetractorsQuery } from '../repos/follow-up-stats.js';
import { ascendingAfter } from '../repos/keyset.js';
import type { Database } from './database.js';
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
      // The 0001 columns (owner_id, "trigger"), which the current Database type no longer names.
      await sql`insert into follow_ups (id, project_id, response_id, survey_id, status, priority, owner_id, "trigger", due_at, created_at, updated_at)
        values (${randomUUID()}, 'p', ${responseId}, 'nps', 'assigned', 'high', 'agent-1', '{"question":"nps","value":2}', ${at}, ${at}, ${at})`.execute(db);

      await migrateToLatest(db as Kysely<unknown>);
      const cases = await listCases(db, 'p', { limit: 10 });
      expect(cases.data).toEqual([
        expect.objectContaining({ source: 'survey', status: 'open', priority: 'high', assigneeId: 'agent-1', reason: { question: 'nps', value: 2 }, response: expect.objectContaining({ id: responseId, answers: { nps: 2 } }) }),
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

describe('migration 0003_response_user_id', () => {
  it('fills user_id for the responses a 0002 database already holds, so their users keep their answered surveys', async () => {
    const database = new Sqlite(':memory:');
    database.pragma('foreign_keys = ON');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
    try {
      const before = { '0001_initial': migrations['0001_initial']!, '0002_feedback': migrations['0002_feedback']! };
      const { error } = await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest();
      expect(error).toBeUndefined();
      const at = NOW.toISOString();
      await db.insertInto('projects').values({ id: 'p', name: 'p', public_key: 'pk_p', secret_key_hash: 'h', identity_secret: 's', allowed_origins: '[]', created_at: at }).execute();
      const response = (id: string, surveyId: string, respondent: object, verified: number) =>
        db
          .insertInto('responses')
          .values({ id, project_id: 'p', survey_id: surveyId, answers: '{"nps":9}', finished: 1, respondent: JSON.stringify(respondent), verified, context: '{"url":"https://shop.example/"}', answered_at: at, received_at: at, updated_at: at })
          .execute();
      await response('r1', 'nps', { anonymousId: 'a', userId: 'u-1' }, 1);
      await response('r2', 'csat', { anonymousId: 'b' }, 0);
      // A user id that merely looks like JSON: parsed, not pattern-matched.
      await response('r3', 'ces', { anonymousId: 'c', userId: 'u-"2"' }, 1);

      await migrateToLatest(db as Kysely<unknown>);
      const rows = await db.selectFrom('responses').select(['id', 'user_id']).orderBy('id').execute();
      expect(rows).toEqual([
        { id: 'r1', user_id: 'u-1' },
        { id: 'r2', user_id: null },
        { id: 'r3', user_id: 'u-"2"' },
      ]);
      expect(await listAnsweredSurveys(db, 'p', 'u-1')).toEqual([{ surveyId: 'nps', at }]);
      expect(await listAnsweredSurveys(db, 'p', 'u-"2"')).toEqual([{ surveyId: 'ces', at }]);
      const plan = await sql<{ detail: string }>`explain query plan select survey_id from responses where project_id = 'p' and verified = 1 and user_id = 'u-1'`.execute(db);
      expect(plan.rows.map((row) => row.detail).join('\n')).toMatch(/USING INDEX responses_project_user/);
    } finally {
      await db.destroy();
    }
  });
});

describe.each(testDialects)('migration 0004_case_contract on $name', ({ openUnmigrated }) => {
  it('renames owner_id to assignee_id and trigger to reason, numbers every case version 1, and maps "assigned" to open with its assignee kept', async () => {
    const { kysely: db, schema, cleanup } = await openUnmigrated();
    try {
      const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0004'));
      const { error } = await new Migrator({ db, provider: { getMigrations: async () => before }, ...(schema && { migrationTableSchema: schema }) }).migrateToLatest();
      expect(error).toBeUndefined();
      const at = NOW.toISOString();
      await db.insertInto('projects').values({ id: 'p', name: 'p', public_key: 'pk_p', secret_key_hash: 'h', identity_secret: 's', allowed_origins: '[]', created_at: at }).execute();
      const ids = [randomUUID(), randomUUID(), randomUUID()];
      for (const id of ids) {
        await db
          .insertInto('responses')
          .values({ id, project_id: 'p', survey_id: 'nps', answers: '{"nps":2}', finished: 1, respondent: '{"anonymousId":"a"}', user_id: null, verified: 0, context: '{"url":"https://shop.example/"}', answered_at: at, received_at: at, updated_at: at })
          .execute();
      }
      const oldCase = (n: number, status: string, owner: string | null) =>
        sql`insert into follow_ups (id, project_id, response_id, survey_id, status, priority, owner_id, "trigger", due_at, created_at, updated_at)
          values (${ids[n]}, 'p', ${ids[n]}, 'nps', ${status}, 'normal', ${owner}, '{"question":"nps","value":2}', ${at}, ${`2026-11-23T10:00:0${n}.000Z`}, ${at})`.execute(db);
      await oldCase(0, 'assigned', 'agent-1');
      await oldCase(1, 'resolved', 'agent-2');
      await oldCase(2, 'open', null);

      await migrateToLatest(db as Kysely<unknown>, { schema });
      const cases = await listCases(db, 'p', { limit: 10 });
      cases.data.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      expect(cases.data.map((c) => [c.status, c.assigneeId, c.version, 'reason' in c && c.reason])).toEqual([
        ['open', null, 1, { question: 'nps', value: 2 }],
        ['resolved', 'agent-2', 1, { question: 'nps', value: 2 }],
        ['open', 'agent-1', 1, { question: 'nps', value: 2 }],
      ]);
      // The one-cause check follows the renamed column: a survey case without its reason is still refused.
      await expect(
        db.insertInto('follow_ups').values({ id: randomUUID(), project_id: 'p', response_id: ids[0], survey_id: 'nps', status: 'open', priority: 'normal', due_at: at, created_at: at, updated_at: at }).execute(),
      ).rejects.toThrow(/check constraint|follow_ups_one_source/i);
    } finally {
      await cleanup();
    }
  });
});

describe.each(testDialects)('migration 0006_case_lifecycle on $name', ({ openUnmigrated }) => {
  it('gives the cases a database already holds their queue rank, searchable text, customer and an opened event', async () => {
    const { kysely: db, schema, cleanup } = await openUnmigrated();
    try {
      const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0006'));
      const { error } = await new Migrator({ db, provider: { getMigrations: async () => before }, ...(schema && { migrationTableSchema: schema }) }).migrateToLatest();
      expect(error).toBeUndefined();
      const at = NOW.toISOString();
      await db.insertInto('projects').values({ id: 'p', name: 'p', public_key: 'pk_p', secret_key_hash: 'h', identity_secret: 's', allowed_origins: '[]', created_at: at }).execute();
      const survey = { id: 'nps', name: 'NPS', questions: [{ id: 'nps', type: 'nps', prompt: 'How likely?' }, { id: 'comment', type: 'text', prompt: 'Why?' }] };
      await db.insertInto('surveys').values({ project_id: 'p', id: 'nps', definition: JSON.stringify(survey), active: 1, updated_at: at }).execute();
      const responseId = randomUUID();
      await db
        .insertInto('responses')
        .values({ id: responseId, project_id: 'p', survey_id: 'nps', answers: '{"nps":2,"comment":"Parcel LOST"}', finished: 1, respondent: '{"anonymousId":"a-1","userId":"u-1"}', user_id: 'u-1', verified: 1, context: '{"url":"https://shop.example/"}', answered_at: at, received_at: at, updated_at: at })
        .execute();
      const caseId = randomUUID();
      await sql`insert into follow_ups (id, project_id, response_id, survey_id, status, priority, assignee_id, reason, due_at, created_at, updated_at)
        values (${caseId}, 'p', ${responseId}, 'nps', 'in_progress', 'high', null, '{"question":"nps","value":2}', ${at}, ${at}, ${at})`.execute(db);

      await migrateToLatest(db as Kysely<unknown>, { schema });
      const row = await db.selectFrom('follow_ups').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ priority_rank: 1, search_text: 'parcel lost', customer_user_id: 'u-1', customer_anonymous_id: 'a-1', team_id: null, resolution: null });
      expect((await db.selectFrom('responses').select('anonymous_id').executeTakeFirstOrThrow()).anonymous_id).toBe('a-1');
      expect(await listCaseEvents(db, caseId)).toEqual([
        expect.objectContaining({ type: 'opened', actor: { kind: 'system' }, at, before: null, after: { status: 'in_progress', priority: 'high', assigneeId: null, teamId: null, dueAt: at } }),
      ]);
      expect((await listCases(db, 'p', { limit: 10, q: 'lost' })).data.map((c) => c.id)).toEqual([caseId]);
    } finally {
      await cleanup();
    }
  });
});

describe.each(testDialects)('migration 0010_recovery on $name', ({ openUnmigrated }) => {
  it('gives the responses a database already holds their NPS score, so earlier detractors count in the stats', async () => {
    const { kysely: db, schema, cleanup } = await openUnmigrated();
    try {
      const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0010'));
      const { error } = await new Migrator({ db, provider: { getMigrations: async () => before }, ...(schema && { migrationTableSchema: schema }) }).migrateToLatest();
      expect(error).toBeUndefined();
      const at = NOW.toISOString();
      await db.insertInto('projects').values({ id: 'p', name: 'p', public_key: 'pk_p', secret_key_hash: 'h', identity_secret: 's', allowed_origins: '[]', created_at: at }).execute();
      // The score is the survey's first NPS question, whatever its id; a CSAT answer is no NPS score.
      const survey = { id: 'mixed', name: 'Mixed', questions: [{ id: 'csat', type: 'csat', prompt: 'Happy?' }, { id: 'recommend', type: 'nps', prompt: 'How likely?' }] };
      await db.insertInto('surveys').values({ project_id: 'p', id: 'mixed', definition: JSON.stringify(survey), active: 1, updated_at: at }).execute();
      const response = (id: string, answers: object) =>
        db
          .insertInto('responses')
          .values({ id, project_id: 'p', survey_id: 'mixed', answers: JSON.stringify(answers), finished: 1, respondent: '{"anonymousId":"a-1"}', user_id: null, verified: 0, context: '{"url":"https://shop.example/"}', answered_at: at, received_at: at, updated_at: at })
          .execute();
      await response('scored', { csat: 2, recommend: 4 });
      await response('unscored', { csat: 5 });

      await migrateToLatest(db as Kysely<unknown>, { schema });
      const rows = await db.selectFrom('responses').select(['id', 'nps_score']).orderBy('id').execute();
      expect(rows).toEqual([
        { id: 'scored', nps_score: 4 },
        { id: 'unscored', nps_score: null },
      ]);
    } finally {
      await cleanup();
    }
  });
});

describe.each(testDialects)('migration 0013_person_erasure on $name', ({ openUnmigrated }) => {
  it('gives the feedback a database already holds its user id, so a person’s feedback is found for export and erasure', async () => {
    const { kysely: db, schema, cleanup } = await openUnmigrated();
    try {
      const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0013'));
      const { error } = await new Migrator({ db, provider: { getMigrations: async () => before }, ...(schema && { migrationTableSchema: schema }) }).migrateToLatest();
      expect(error).toBeUndefined();
      const at = NOW.toISOString();
      await db.insertInto('projects').values({ id: 'p', name: 'p', public_key: 'pk_p', secret_key_hash: 'h', identity_secret: 's', allowed_origins: '[]', created_at: at }).execute();
      const feedback = (id: string, respondent: object) =>
        db
          .insertInto('feedback')
          .values({ id, project_id: 'p', category: 'problem', comment: 'x', email: null, respondent: JSON.stringify(respondent), verified: 0, context: '{"url":"https://shop.example/"}', sent_at: at, received_at: at })
          .execute();
      await feedback('f1', { anonymousId: 'a', userId: 'u-"1"' });
      await feedback('f2', { anonymousId: 'b' });

      await migrateToLatest(db as Kysely<unknown>, { schema });
      expect(await db.selectFrom('feedback').select(['id', 'user_id']).orderBy('id').execute()).toEqual([
        { id: 'f1', user_id: 'u-"1"' },
        { id: 'f2', user_id: null },
      ]);
    } finally {
      await cleanup();
    }
  });
});

describe.each(testDialects)('migration 0014_results on $name', ({ openUnmigrated }) => {
  it('gives stored responses their page path, so the results filter and group earlier answers by page', async () => {
    const { kysely: db, schema, cleanup } = await openUnmigrated();
    try {
      const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0014'));
      const { error } = await new Migrator({ db, provider: { getMigrations: async () => before }, ...(schema && { migrationTableSchema: schema }) }).migrateToLatest();
      expect(error).toBeUndefined();
      const at = NOW.toISOString();
      await db.insertInto('projects').values({ id: 'p', name: 'p', public_key: 'pk_p', secret_key_hash: 'h', identity_secret: 's', allowed_origins: '[]', created_at: at }).execute();
      const response = (id: string, url: string) =>
        db
          .insertInto('responses')
          .values({ id, project_id: 'p', survey_id: 'nps', answers: '{}', finished: 1, respondent: '{"anonymousId":"a-1"}', user_id: null, verified: 0, context: JSON.stringify({ url }), answered_at: at, received_at: at, updated_at: at })
          .execute();
      await response('a', 'https://shop.example/checkout?step=2#pay');
      await response('b', 'https://shop.example/');

      await migrateToLatest(db as Kysely<unknown>, { schema });
      const rows = await db.selectFrom('responses').select(['id', 'page_path']).orderBy('id').execute();
      expect(rows).toEqual([
        { id: 'a', page_path: '/checkout' },
        { id: 'b', page_path: '/' },
      ]);
    } finally {
      await cleanup();
    }
  });
});

describe.each(testDialects)('migration 0015_project_keys on $name', ({ openUnmigrated }) => {
  it('carries each project’s secret key over: the key in use keeps working, listed as the original key, and the old column holds no hash', async () => {
    const { kysely: db, schema, cleanup } = await openUnmigrated();
    try {
      const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0015'));
      const { error } = await new Migrator({ db, provider: { getMigrations: async () => before }, ...(schema && { migrationTableSchema: schema }) }).migrateToLatest();
      expect(error).toBeUndefined();
      const at = NOW.toISOString();
      await db.insertInto('projects').values({ id: 'p', name: 'p', public_key: 'pk_p', secret_key_hash: hashSecretKey('sk_old_key'), identity_secret: 's', allowed_origins: '[]', created_at: at }).execute();

      await migrateToLatest(db as Kysely<unknown>, { schema });
      expect((await findProjectBySecretKey(db, 'sk_old_key'))?.id).toBe('p');
      expect(await listProjectKeys(db, 'p')).toEqual([{ id: expect.any(String), label: 'Original key', prefix: 'sk_', createdAt: at, lastUsedAt: expect.any(String), revokedAt: null }]);
      const { secret_key_hash } = await db.selectFrom('projects').select('secret_key_hash').where('id', '=', 'p').executeTakeFirstOrThrow();
      expect(secret_key_hash).toBe('retired:p');
    } finally {
      await cleanup();
    }
  });
});

describe('the case queue on SQLite', () => {
  it('seeks each filter’s page through its own queue index, not a scan and a sort', async () => {
    const { db, cleanup } = await openSqliteTestDb();
    try {
      const planOf = async (where: string) => {
        const plan = await sql<{ detail: string }>`explain query plan ${sql.raw(
          `select * from follow_ups where project_id = 'p' ${where} and (priority_rank, due_at, id) > (2, '2026-11-23', 'x') order by priority_rank, due_at, id limit 51`,
        )}`.execute(db.kysely);
        return plan.rows.map((r) => r.detail).join('\n');
      };
      expect(await planOf('')).toMatch(/USING INDEX follow_ups_project_queue \(project_id=\? AND \(priority_rank,due_at,id\)>\(\?,\?,\?\)\)/);
      expect(await planOf("and status = 'open'")).toMatch(/USING INDEX follow_ups_project_status_queue \(project_id=\? AND status=\? AND \(priority_rank,due_at,id\)>/);
      expect(await planOf("and assignee_id = 'm'")).toMatch(/USING INDEX follow_ups_project_assignee_queue/);
      expect(await planOf("and team_id = 't'")).toMatch(/USING INDEX follow_ups_project_team_queue/);
      for (const where of ['', "and status = 'open'", "and assignee_id = 'm'"]) expect(await planOf(where)).not.toMatch(/TEMP B-TREE/);
    } finally {
      await cleanup();
    }
  });

  it('reads the stats window by index, slice by slice: cases by opening time, detractors by receipt, one seek per customer for a later answer', async () => {
    const { db, cleanup } = await openSqliteTestDb();
    try {
      const window = { from: '2026-10-24T00:00:00.000Z', to: '2026-11-23T00:00:00.000Z' };
      const planOf = async (query: { compile(): { sql: string; parameters: readonly unknown[] } }) => {
        const { sql: text, parameters } = query.compile();
        const values = [...parameters];
        const plan = await sql<{ detail: string }>`explain query plan ${sql.raw(text.replace(/\?/g, () => `'${String(values.shift())}'`))}`.execute(db.kysely);
        return plan.rows.map((r) => r.detail).join('\n');
      };
      // Read in slices: the first starts at the window's start, each next one after the last row of the one before,
      // seeking the index by that position alone.
      for (const after of [[window.from, ''], ['2026-11-01T00:00:00.000Z', 'x']]) {
        const cases = await planOf(ascendingAfter(statsCasesQuery(db.kysely, 'p', window.to), STATS_CASES_ORDER, after));
        expect(cases).toMatch(/SEARCH f USING INDEX follow_ups_project_created \(project_id=\? AND \(created_at,id\)>\(\?,\?\) AND created_at<\?\)/);
        expect(cases).toMatch(/SEARCH r USING INDEX sqlite_autoindex_responses_1 \(id=\?\)/);
        const detractors = await planOf(ascendingAfter(statsDetractorsQuery(db.kysely, 'p', window.to), STATS_DETRACTORS_ORDER, after));
        expect(detractors).toMatch(/SEARCH d USING INDEX responses_project_received \(project_id=\? AND \(received_at,id\)>\(\?,\?\) AND received_at<\?\)/);
        expect(detractors).toMatch(/SEARCH r USING (COVERING )?INDEX responses_project_user_received \(project_id=\? AND user_id=\? AND received_at>\?\)/);
        expect(detractors).toMatch(/SEARCH r USING (COVERING )?INDEX responses_project_anonymous_received \(project_id=\? AND anonymous_id=\? AND received_at>\?\)/);
        for (const plan of [cases, detractors]) expect(plan).not.toMatch(/TEMP B-TREE|SCAN/);
      }
    } finally {
      await cleanup();
    }
  });
});
