import type { RoutingTarget } from '@closeloop/sdk/schemas';
import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
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
  const roster = await lockTeamRoster(trx, projectId, target.teamId);
  if (roster === null) return null;
  const next = nextInTurn(roster);
  if (next !== null) await setLastRoutedMember(trx, target.teamId, next);
  return { teamId: target.teamId, assigneeId: next };
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
