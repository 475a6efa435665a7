import { randomUUID } from 'node:crypto';
import { Team } from '@closeloop/sdk/schemas';
import type { Selectable } from 'kysely';
import type { TeamsTable } from '../db/database.js';
import type { Conn } from '../db/db.js';
import { dialectOf } from '../db/dialect-of.js';
import { preparedStatement } from '../db/prepared-statement.js';
import { isUniqueViolation } from '../db/is-unique-violation.js';

export interface TeamValues {
  name: string;
  memberIds: string[];
}

export type SaveTeamResult = { outcome: 'saved'; team: Team } | { outcome: 'not_found' } | { outcome: 'name_taken' };

/** Teams with their members in the order given; deleted members have left their teams already. */
async function teamsFromRows(conn: Conn, rows: Selectable<TeamsTable>[]): Promise<Team[]> {
  if (rows.length === 0) return [];
  const links = await conn
    .selectFrom('team_members')
    .select(['team_id', 'member_id'])
    .where(
      'team_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('team_id')
    .orderBy('position')
    .execute();
  return rows.map((row) =>
    Team.parse({
      id: row.id,
      name: row.name,
      memberIds: links.filter((l) => l.team_id === row.id).map((l) => l.member_id),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }),
  );
}

async function setMembers(conn: Conn, teamId: string, memberIds: readonly string[]): Promise<void> {
  await conn.deleteFrom('team_members').where('team_id', '=', teamId).execute();
  if (memberIds.length === 0) return;
  await conn
    .insertInto('team_members')
    .values(memberIds.map((member_id, position) => ({ team_id: teamId, member_id, position })))
    .execute();
}

/**
 * Creates a team; `name_taken` when the project has one of that name. Run it in a transaction (the members are
 * written after the team); the caller has checked that every member is live.
 */
export async function insertTeam(conn: Conn, projectId: string, values: TeamValues, now: Date): Promise<SaveTeamResult> {
  const at = now.toISOString();
  const row = { id: randomUUID(), project_id: projectId, name: values.name, created_at: at, updated_at: at };
  const inserted = await conn.insertInto('teams').values(row).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
  if (!inserted) return { outcome: 'name_taken' };
  await setMembers(conn, row.id, values.memberIds);
  return { outcome: 'saved', team: { id: row.id, name: row.name, memberIds: values.memberIds, createdAt: at, updatedAt: at } };
}

/** Renames a team and/or replaces its members; run it in a transaction, the members checked by the caller. */
export async function updateTeam(conn: Conn, projectId: string, id: string, values: Partial<TeamValues>, now: Date): Promise<SaveTeamResult> {
  const existing = await findTeam(conn, projectId, id);
  if (existing === null) return { outcome: 'not_found' };
  if (values.name !== undefined && values.name !== existing.name) {
    const taken = await conn.selectFrom('teams').select('id').where('project_id', '=', projectId).where('name', '=', values.name).executeTakeFirst();
    if (taken) return { outcome: 'name_taken' };
  }
  try {
    await conn
      .updateTable('teams')
      .set({ ...(values.name !== undefined && { name: values.name }), updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
  } catch (error) {
    // A concurrent rename took the name between the check and the write.
    if (isUniqueViolation(error)) return { outcome: 'name_taken' };
    throw error;
  }
  if (values.memberIds !== undefined) await setMembers(conn, id, values.memberIds);
  const team = await findTeam(conn, projectId, id);
  if (team === null) throw new Error(`team ${id} vanished while it was updated`);
  return { outcome: 'saved', team };
}

/** The project's teams, by name, each with its members. */
export async function listTeams(conn: Conn, projectId: string): Promise<Team[]> {
  const rows = await conn.selectFrom('teams').selectAll().where('project_id', '=', projectId).orderBy('name').orderBy('id').execute();
  return teamsFromRows(conn, rows);
}

export async function findTeam(conn: Conn, projectId: string, id: string): Promise<Team | null> {
  const row = await conn.selectFrom('teams').selectAll().where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
  return row ? ((await teamsFromRows(conn, [row]))[0] ?? null) : null;
}

/** A team as routing sees it: its live members in order, whether each is away, and who got its last routed case. */
export interface TeamRoster {
  members: { id: string; away: boolean }[];
  lastRoutedMemberId: string | null;
}

/**
 * The team's roster for routing, its row locked until the transaction ends on PostgreSQL (SQLite's writer holds the
 * lock already): two cases routed to the team at once take turns, the second one reading the first one's cursor.
 * Null when the project has no such team.
 */
export async function lockTeamRoster(conn: Conn, projectId: string, teamId: string): Promise<TeamRoster | null> {
  // One statement (one round trip on PostgreSQL, where this runs for every routed case): the team's row, locked, with
  // its live members in order; a team without members is one row of nulls.
  const { rows } = await lockRosterStatement(conn, { projectId, teamId });
  const team = rows[0];
  if (team === undefined) return null;
  const members = rows.flatMap((m) => (m.member_id === null ? [] : [{ id: m.member_id, away: m.away === 1 }]));
  return { members, lastRoutedMemberId: team.last_routed_member_id };
}

const lockRosterStatement = preparedStatement<{ projectId: string; teamId: string }, { last_routed_member_id: string | null; member_id: string | null; away: number | null }>(
  (conn, p) =>
    conn
      .selectFrom('teams as t')
      .leftJoin('team_members as tm', 'tm.team_id', 't.id')
      .leftJoin('members as m', (join) => join.onRef('m.id', '=', 'tm.member_id').on('m.deleted_at', 'is', null))
      .select(['t.last_routed_member_id', 'm.id as member_id', 'm.away'])
      .where('t.project_id', '=', p('projectId'))
      .where('t.id', '=', p('teamId'))
      .orderBy('tm.position')
      .$if(dialectOf(conn) === 'postgres', (q) => q.forUpdate('t')),
);

const setLastRoutedStatement = preparedStatement<{ teamId: string; memberId: string }, never>((conn, p) =>
  conn.updateTable('teams').set({ last_routed_member_id: p('memberId') }).where('id', '=', p('teamId')),
);

/** Moves the team's round-robin cursor to the member who just got a case. */
export async function setLastRoutedMember(conn: Conn, teamId: string, memberId: string): Promise<void> {
  await setLastRoutedStatement(conn, { teamId, memberId });
}

/** Which of `ids` are teams of the project. */
export async function existingTeamIds(conn: Conn, projectId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await conn.selectFrom('teams').select('id').where('project_id', '=', projectId).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}
