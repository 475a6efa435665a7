import { ErrorBody } from '@closeloop/sdk/schemas';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { listResponses } from '../repos/responses.js';
import { NOW, npsSurvey, seedProject, submission } from '../testing/fixtures.js';
import { post } from '../testing/test-app.js';
import { openPostgresBehindProxy } from '../testing/tcp-proxy.js';
import type { TcpProxy } from '../testing/tcp-proxy.js';
import type { TestDb } from '../testing/test-dbs.js';

const pgUrl = process.env['CLOSELOOP_TEST_DATABASE_URL'];
const AUTH = { Authorization: 'Bearer sk_shop_secret' };

async function expectUnavailable(res: Response) {
  expect(res.status).toBe(503);
  expect(res.headers.get('retry-after')).toBe('5');
  const { error } = ErrorBody.parse(await res.json());
  expect(error.code).toBe('store_unavailable');
  expect(error.message).toMatch(/^The database \(PostgreSQL\) is unavailable: /);
}

// The server reaches PostgreSQL through a relay the test cuts: every pooled connection dies, new ones are refused,
// exactly what a stopped or unreachable database server looks like from the application.
describe.skipIf(!pgUrl)('PostgreSQL that goes away: 503 with Retry-After, then success once it is back', () => {
  let proxy: TcpProxy;
  let opened: TestDb;
  let app: ReturnType<typeof createApp>;
  let projectId: string;
  beforeEach(async () => {
    ({ proxy, opened } = await openPostgresBehindProxy(pgUrl!));
    projectId = (await seedProject(opened.db)).project.id;
    app = createApp({ db: opened.db, now: () => NOW });
  });
  afterEach(async () => {
    await proxy.restore().catch(() => {});
    await opened.cleanup();
    await proxy.close();
  });

  it('ingest, management and /readyz answer 503 naming PostgreSQL while it is down; back, the same answer is stored once', async () => {
    const body = submission();
    await proxy.cut();
    await expectUnavailable(await post(app, '/v1/responses', body, { Origin: 'https://shop.example' }));
    await expectUnavailable(await app.request('/api/v1/responses', { headers: AUTH }));
    await expectUnavailable(await app.request('/api/v1/surveys/nps', { method: 'PUT', headers: { 'Content-Type': 'application/json', ...AUTH }, body: JSON.stringify(npsSurvey) }));
    await expectUnavailable(await app.request('/readyz'));

    await proxy.restore();
    expect((await app.request('/readyz')).status).toBe(200);
    expect((await post(app, '/v1/responses', body, { Origin: 'https://shop.example' })).status).toBe(201);
    expect((await app.request('/api/v1/responses', { headers: AUTH })).status).toBe(200);
    expect((await listResponses(opened.db.kysely, projectId, { limit: 10 })).data.map((r) => r.id)).toEqual([body.id]);
  });
});
