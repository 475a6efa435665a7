import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { recordResponse } from '../ingest/record-response.js';
import { listCaseEvents } from '../repos/case-events.js';
import { findCaseRow } from '../repos/cases.js';
import { NOW, seedProject } from '../testing/fixtures.js';
import { testDialects, useTestDb } from '../testing/test-dbs.js';
import { addNote } from './add-note.js';
import { updateCase } from './update-case.js';

const actor = { kind: 'project-key' } as const;

describe.each(testDialects)('changes to one case on $name', ({ open }) => {
  const t = useTestDb(open);

  async function openedCase() {
    const { project } = await seedProject(t.db);
    const id = randomUUID();
    const at = NOW.toISOString();
    const recorded = await recordResponse(t.db.kysely, {
      id,
      projectId: project.id,
      surveyId: 'nps',
      answers: { nps: 2 },
      finished: true,
      respondent: { anonymousId: 'anon-1', verified: false },
      context: { url: 'https://shop.example/' },
      answeredAt: at,
      receivedAt: at,
    });
    if (recorded.outcome !== 'created' || recorded.followUpId === null) throw new Error('no case opened');
    return { projectId: project.id, caseId: recorded.followUpId };
  }

  // On PostgreSQL the two run on two pooled connections, truly at once; SQLite runs one writer at a time.
  it('two concurrent PATCHes made against the same version: exactly one wins, the other gets the current version', async () => {
    const { projectId, caseId } = await openedCase();
    const results = await Promise.all([
      updateCase(t.db.kysely, { projectId, caseId, patch: { status: 'in_progress' }, version: 1, actor, now: NOW }),
      updateCase(t.db.kysely, { projectId, caseId, patch: { priority: 'urgent' }, version: 1, actor, now: NOW }),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['changed', 'stale_version']);
    expect(results.find((r) => r.outcome === 'stale_version')).toMatchObject({ expected: 1, version: 2 });
    const row = await findCaseRow(t.db.kysely, projectId, caseId);
    expect(row?.version).toBe(2);
    // Exactly one of the two changes happened, and the timeline holds exactly its event.
    const events = (await listCaseEvents(t.db.kysely, caseId)).map((e) => e.type);
    expect(events).toHaveLength(2);
    expect(row?.status === 'in_progress' ? ['opened', 'status_changed'] : ['opened', 'priority_changed']).toEqual(events);
  });

  it('notes added at once without a version all land, each numbered in order, the version counting every one', async () => {
    const { projectId, caseId } = await openedCase();
    await Promise.all(Array.from({ length: 5 }, (_, i) => addNote(t.db.kysely, { projectId, caseId, note: { body: `note ${i}`, kind: 'note' }, version: undefined, actor, now: NOW })));
    expect((await findCaseRow(t.db.kysely, projectId, caseId))?.version).toBe(6);
    expect(await listCaseEvents(t.db.kysely, caseId)).toHaveLength(6);
  });

  it('the database refuses to rewrite a timeline event, whatever code tries', async () => {
    const { caseId } = await openedCase();
    await expect(sql`update case_events set type = 'resolved' where case_id = ${caseId}`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    expect((await listCaseEvents(t.db.kysely, caseId)).map((e) => e.type)).toEqual(['opened']);
  });
});
