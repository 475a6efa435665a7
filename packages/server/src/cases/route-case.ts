import type { RoutingTarget } from '@closeloop/sdk/schemas';
import type { Transaction } from 'kysely';
import { beforeCommit } from '../db/before-commit.js';
import type { Database } from '../db/database.js';
import { updateAtCommit } from '../db/insert-at-commit.js';
import { findMember } from '../repos/members.js';
import { lockTeamRoster, setLastRoutedMember } from '../repos/teams.js';
import type { TeamRoster } from '../repos/teams.js';

export interface CaseRoute {
  teamId: string | null;
  assigneeId: string | null;
}

/**
 * Who a routed case goes to. A member rule assigns the member unless they are away or gone (then the case stays
 * unassigned: routing never hands work to someone who is not there). A team rule gives the case to the team and to
 * its next member in turn who is not away, moving the team's cursor in the caller's transaction; with everyone away
 * the case waits in the team's queue unassigned. Null when the target no longer exists.
 */
export async function routeCase(trx: Transaction<Database>, projectId: string, target: RoutingTarget | null): Promise<CaseRoute | null> {
  if (target === null) return null;
  if ('memberId' in target) {
    const member = await findMember(trx, projectId, target.memberId);
    return member === null || member.away ? null : { teamId: null, assigneeId: member.id };
  }
  const roster = await rosterIn(trx, projectId, target.teamId);
  if (roster === null) return null;
  const next = nextInTurn(roster);
  if (next !== null) roster.lastRoutedMemberId = next;
  return { teamId: target.teamId, assigneeId: next };
}

/** Each transaction's rosters, by project and team: read (and locked) once however many cases it routes. */
const rosters = new WeakMap<Transaction<Database>, Map<string, Promise<TeamRoster | null>>>();

/**
 * The team's roster as this transaction sees it. A batch of answers shares one transaction, and its cases routed to
 * one team took two statements each (the roster, locked, and the cursor moved): now the first case reads and locks
 * the roster, the cursor moves in memory from case to case, and is written once at the commit, on PostgreSQL in the
 * statement that inserts the batch's new cases (updateAtCommit). The roster is locked on PostgreSQL (and SQLite's
 * writer holds the lock anyway), so no other transaction moves the cursor meanwhile.
 */
function rosterIn(trx: Transaction<Database>, projectId: string, teamId: string): Promise<TeamRoster | null> {
  let byTeam = rosters.get(trx);
  if (byTeam === undefined) rosters.set(trx, (byTeam = new Map()));
  const key = `${projectId}:${teamId}`;
  let roster = byTeam.get(key);
  if (roster === undefined) {
    let cursorAsRead: string | null = null;
    const read = lockTeamRoster(trx, projectId, teamId).then((found) => {
      cursorAsRead = found?.lastRoutedMemberId ?? null;
      return found;
    });
    byTeam.set(key, (roster = read));
    beforeCommit(trx, async () => {
      const cursor = (await read)?.lastRoutedMemberId ?? null;
      if (cursor !== null && cursor !== cursorAsRead)
        await updateAtCommit(trx, 'teams', { id: teamId, last_routed_member_id: cursor }, (row) => setLastRoutedMember(trx, row.id, row.last_routed_member_id));
    });
  }
  return roster;
}

/** Round robin: the first member after the last one routed to (from the top when they left), skipping the away. */
function nextInTurn({ members, lastRoutedMemberId }: TeamRoster): string | null {
  const start = members.findIndex((m) => m.id === lastRoutedMemberId) + 1;
  for (let i = 0; i < members.length; i++) {
    const member = members[(start + i) % members.length]!;
    if (!member.away) return member.id;
  }
  return null;
}
