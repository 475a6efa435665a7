import type { ErrorIssue, RoutingTarget } from '@closeloop/sdk/schemas';
import type { Conn } from '../db/db.js';
import { liveMemberIds } from '../repos/members.js';
import { existingTeamIds } from '../repos/teams.js';

/**
 * One issue per routing rule whose target is not a team or live member of the project, named by its field
 * (`followUp.routing.1.to.teamId`): a rule saved pointing nowhere would quietly leave cases unassigned.
 */
export async function routingTargetIssues(conn: Conn, projectId: string, rules: readonly { to: RoutingTarget }[], path: string): Promise<ErrorIssue[]> {
  const teamIds = rules.flatMap(({ to }) => ('teamId' in to ? [to.teamId] : []));
  const memberIds = rules.flatMap(({ to }) => ('memberId' in to ? [to.memberId] : []));
  const [teams, members] = await Promise.all([existingTeamIds(conn, projectId, teamIds), liveMemberIds(conn, projectId, memberIds)]);
  return rules.flatMap(({ to }, i) => {
    if ('teamId' in to) return teams.has(to.teamId) ? [] : [{ path: `${path}.${i}.to.teamId`, message: `project has no team "${to.teamId}"` }];
    return members.has(to.memberId) ? [] : [{ path: `${path}.${i}.to.memberId`, message: `project has no member "${to.memberId}"` }];
  });
}
