import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import { ErrorBody } from '@closeloop/sdk/schemas';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import type { Db } from '../db/db.js';
import { openSqliteDb } from '../db/sqlite.js';
import { listResponses } from '../repos/responses.js';
import { NOW, npsSurvey, seedProject, submission } from '../testing/fixtures.js';
import { post } from '../testing/test-app.js';
import { makeTempDir } from '../testing/temp-dir.js';

const ORIGIN = { Origin: 'https://shop.example' };
const AUTH = { Authorization: 'Bearer sk_shop_secret' };

/** A request of each kind a client retries: a widget's answer, a management write, a management read, the probe. */
function requests(app: ReturnType<typeof createApp>) {
  return {
    answer: (body = submission()) => post(app, '/v1/responses', body, ORIGIN),
    saveSurvey: () => app.request('/api/v1/surveys/nps', { method: 'PUT', headers: { 'Content-Type': 'application/json', ...AUTH }, body: JSON.stringify(npsSurvey) }),
    listResponses: () => app.request('/api/v1/responses', { headers: AUTH }),
    readyz: () => app.request('/readyz'),
  };
}

async function expectUnavailable(res: Response, reason: RegExp) {
  expect(res.status).toBe(503);
  expect(res.headers.get('retry-after')).toBe('5');
  const { error } = ErrorBody.parse(await res.json());
  expect(error.code).toBe('store_unavailable');
  expect(error.message).toMatch(/^The database \(SQLite\) is unavailable: /);
  expect(error.message).toMatch(reason);
}

describe('SQLite that cannot write: 503 with Retry-After, then success once it can again', () => {
  let dir: string;
  let db: Db;
  let app: ReturnType<typeof createApp>;
  let projectId: string;
  beforeEach(async () => {
    dir = makeTempDir({});
    db = await openSqliteDb({ file: join(dir, 'closeloop.db') });
    projectId = (await seedProject(db)).project.id;
    app = createApp({ db, now: () => NOW });
  });
  afterEach(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('read-only file (SQLITE_READONLY): every write answers 503 naming it; writable again, the answer is stored', async () => {
    // query_only makes SQLite itself refuse every write with SQLITE_READONLY, as a file mounted read-only does.
    await sql`pragma query_only = on`.execute(db.kysely);
    const body = submission();
    const refused = await requests(app).answer(body);
    // The shop's page reads Retry-After cross-origin: the widget waits that long before sending again.
    expect(refused.headers.get('access-control-allow-origin')).toBe(ORIGIN.Origin);
    expect(refused.headers.get('access-control-expose-headers')).toMatch(/\bRetry-After\b/);
    await expectUnavailable(refused, /read-only/);
    await expectUnavailable(await requests(app).saveSurvey(), /read-only/);

    await sql`pragma query_only = off`.execute(db.kysely);
    expect((await requests(app).answer(body)).status).toBe(201);
    expect((await requests(app).saveSurvey()).status).toBe(200);
    const stored = await listResponses(db.kysely, projectId, { limit: 10 });
    expect(stored.data.map((r) => r.id)).toEqual([body.id]);
  });

  it('disk full (SQLITE_FULL): 503 naming it, nothing half-written; with room again the same answer is stored once', async () => {
    // The file may not grow past its current size, and every answer brings 200 KB along: the disk is full for it.
    await sql`create table ballast (data blob)`.execute(db.kysely);
    await sql`create trigger ballast_per_answer after insert on responses begin insert into ballast values (zeroblob(200000)); end`.execute(db.kysely);
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(db.kysely);
    await sql.raw(`pragma max_page_count = ${rows[0]!.page_count}`).execute(db.kysely);
    const body = submission();
    await expectUnavailable(await requests(app).answer(body), /disk is full/);
    expect((await listResponses(db.kysely, projectId, { limit: 10 })).data).toEqual([]);

    await sql`pragma max_page_count = 1073741823`.execute(db.kysely);
    expect((await requests(app).answer(body)).status).toBe(201);
    expect((await listResponses(db.kysely, projectId, { limit: 10 })).data.map((r) => r.id)).toEqual([body.id]);
  });

  it('locked by another process (SQLITE_BUSY): 503 once the wait runs out; released, the answer goes through', async () => {
    await sql`pragma busy_timeout = 100`.execute(db.kysely);
    const other = new Sqlite(join(dir, 'closeloop.db'));
    try {
      other.exec('begin immediate');
      await expectUnavailable(await requests(app).answer(), /locked by another process/);
      await expectUnavailable(await requests(app).saveSurvey(), /locked by another process/);
      other.exec('commit');
      expect((await requests(app).answer()).status).toBe(201);
    } finally {
      other.close();
    }
  });

  it('a closed database: /readyz and every route answer 503 naming SQLite, not 500', async () => {
    await db.destroy();
    await expectUnavailable(await requests(app).readyz(), /closed/);
    await expectUnavailable(await requests(app).answer(), /closed/);
    await expectUnavailable(await requests(app).listResponses(), /closed/);
    db = await openSqliteDb({ file: join(dir, 'closeloop.db') });
  });
});
