import { describe, expect, it } from 'vitest';
import { insertAtCommit } from '../db/insert-at-commit.js';
import { withTransaction } from '../db/with-transaction.js';
import { insertJobRow, jobRow } from '../repos/jobs.js';
import { insertMember } from '../repos/members.js';
import { insertTeam } from '../repos/teams.js';
import { NOW, seedProject } from '../testing/fixtures.js';
import { testDialects, useTestDb } from '../testing/test-dbs.js';
import { routeCase } from './route-case.js';

describe.each(testDialects)('routing cases to a team on $name', ({ open }) => {
  const t = useTestDb(open);

  async function team(names: string[], away: string[] = []) {
    const { project } = await seedProject(t.db);
    const members: { id: string; name: string }[] = [];
    for (const name of names) members.push((await insertMember(t.db.kysely, project.id, { name, email: `${name}@shop.example`, role: 'agent', away: away.includes(name) }, NOW))!);
    const saved = await withTransaction(t.db.kysely, (trx) => insertTeam(trx, project.id, { name: 'Care', memberIds: members.map((m) => m.id) }, NOW));
    if (saved.outcome !== 'saved') throw new Error(saved.outcome);
    const nameOf = new Map(members.map((m) => [m.id, m.name]));
    const route = (trx: Parameters<typeof routeCase>[0]) => routeCase(trx, project.id, { teamId: saved.team.id }).then((r) => (r?.assigneeId ? nameOf.get(r.assigneeId) : null));
    return { route, teamId: saved.team.id };
  }

  it('cases routed in one transaction (a batch of answers) take turns, and the next transaction goes on from the last', async () => {
    const { route } = await team(['Ann', 'Bo', 'Cy', 'Di'], ['Cy']);
    const batch = await withTransaction(t.db.kysely, async (trx) => [await route(trx), await route(trx), await route(trx), await route(trx)]);
    expect(batch).toEqual(['Ann', 'Bo', 'Di', 'Ann']);
    expect(await withTransaction(t.db.kysely, async (trx) => [await route(trx), await route(trx)])).toEqual(['Bo', 'Di']);
  });

  it('a batch that rolls back leaves the turn where it was', async () => {
    const { route } = await team(['Ann', 'Bo', 'Cy']);
    expect(await withTransaction(t.db.kysely, route)).toBe('Ann');
    const failed = withTransaction(t.db.kysely, async (trx) => {
      await route(trx);
      await route(trx);
      throw new Error('a later answer of the batch failed');
    });
    await expect(failed).rejects.toThrow('a later answer of the batch failed');
    expect(await withTransaction(t.db.kysely, route)).toBe('Bo');
  });

  it('the turn is written with the rows the batch held for its commit, and a failed one leaves both out', async () => {
    const { route } = await team(['Ann', 'Bo', 'Cy']);
    const job = (key: string) => jobRow({ kind: 'test.record', key, payload: {}, runAt: NOW, maxAttempts: 3 }, NOW);
    const keys = async () => (await t.db.kysely.selectFrom('jobs').select('key').orderBy('key').execute()).map((r) => r.key);
    // As a batch of answers: a case's job held first, then routed cases, then more held rows.
    const batch = await withTransaction(t.db.kysely, async (trx) => {
      await insertAtCommit(trx, 'jobs', job('before'), (row) => insertJobRow(trx, row));
      const names = [await route(trx), await route(trx)];
      await insertAtCommit(trx, 'jobs', job('after'), (row) => insertJobRow(trx, row));
      return names;
    });
    expect(batch).toEqual(['Ann', 'Bo']);
    expect(await keys()).toEqual(['after', 'before']);
    // A job whose id is taken: the commit fails, as a held row that breaks a constraint fails it.
    const duplicate = { ...job('another'), id: (await t.db.kysely.selectFrom('jobs').select('id').executeTakeFirstOrThrow()).id };
    const failed = withTransaction(t.db.kysely, async (trx) => {
      await route(trx);
      await insertAtCommit(trx, 'jobs', duplicate, (row) => insertJobRow(trx, row));
    });
    await expect(failed).rejects.toThrow();
    expect(await keys()).toEqual(['after', 'before']);
    expect(await withTransaction(t.db.kysely, route)).toBe('Cy');
  });
});
