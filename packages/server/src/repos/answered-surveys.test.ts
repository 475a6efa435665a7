import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOW, seedProject } from '../testing/fixtures.js';
import { testDialects } from '../testing/test-dbs.js';
import type { TestDb } from '../testing/test-dbs.js';
import { recordResponse } from '../ingest/record-response.js';
import { listAnsweredSurveys } from './responses.js';
import type { StoredRespondent } from './responses.js';

describe.each(testDialects)('listAnsweredSurveys on $name', ({ open }) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await open();
  });
  afterEach(() => t.cleanup());

  const record = (projectId: string, respondent: StoredRespondent, at: string, id = randomUUID()) =>
    recordResponse(t.db.kysely, {
      projectId,
      surveyId: 'nps',
      id,
      answers: { nps: 9 },
      finished: false,
      respondent,
      context: { url: 'https://shop.example/' },
      answeredAt: at,
      receivedAt: at,
    });

  it('lists the surveys a verified user answered, with the latest answer, and nothing for others', async () => {
    const { project } = await seedProject(t.db);
    const { project: other } = await seedProject(t.db, 'other');
    await record(project.id, { anonymousId: 'a', userId: 'u-1', verified: true }, '2026-11-01T10:00:00.000Z');
    await record(project.id, { anonymousId: 'b', userId: 'u-1', verified: true }, '2026-11-20T10:00:00.000Z');
    // Unverified answers under u-1's id must not hold surveys back from the real u-1.
    await record(project.id, { anonymousId: 'c', userId: 'u-2', verified: false }, NOW.toISOString());
    await record(other.id, { anonymousId: 'd', userId: 'u-3', verified: true }, NOW.toISOString());

    expect(await listAnsweredSurveys(t.db.kysely, project.id, 'u-1')).toEqual([{ surveyId: 'nps', at: '2026-11-20T10:00:00.000Z' }]);
    expect(await listAnsweredSurveys(t.db.kysely, project.id, 'u-2')).toEqual([]);
    expect(await listAnsweredSurveys(t.db.kysely, project.id, 'u-3')).toEqual([]);
  });

  it('finds a response that became identified in a later step (merged under the same id)', async () => {
    const { project } = await seedProject(t.db);
    const id = randomUUID();
    await record(project.id, { anonymousId: 'a', verified: false }, '2026-11-01T10:00:00.000Z', id);
    expect(await listAnsweredSurveys(t.db.kysely, project.id, 'u-9')).toEqual([]);
    await record(project.id, { anonymousId: 'a', userId: 'u-9', verified: true }, '2026-11-01T10:05:00.000Z', id);
    expect(await listAnsweredSurveys(t.db.kysely, project.id, 'u-9')).toEqual([{ surveyId: 'nps', at: '2026-11-01T10:05:00.000Z' }]);
  });
});
