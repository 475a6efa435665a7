import { SurveyDefinition } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { NOW, npsSurvey, seedProject } from '../testing/fixtures.js';
import { testDialects, useTestDb } from '../testing/test-dbs.js';
import { findSurvey, listActiveSurveys, listSurveys, upsertSurvey } from './surveys.js';

describe.each(testDialects)('surveys on $name', ({ open }) => {
  const t = useTestDb(open);

  it('upserts surveys and lists only active ones as active', async () => {
    const { project } = await seedProject(t.db);
    expect(await listActiveSurveys(t.db.kysely, project.id)).toEqual([npsSurvey]);
    const inactive = SurveyDefinition.parse({ ...npsSurvey, active: false });
    await upsertSurvey(t.db.kysely, project.id, inactive, NOW);
    expect(await listActiveSurveys(t.db.kysely, project.id)).toEqual([]);
    expect(await listSurveys(t.db.kysely, project.id)).toEqual([inactive]);
    expect(await findSurvey(t.db.kysely, project.id, 'nps')).toEqual(inactive);
    expect(await findSurvey(t.db.kysely, project.id, 'other')).toBeNull();
  });
});
