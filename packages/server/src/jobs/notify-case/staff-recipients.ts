import type { FollowUp, Member } from '@closeloop/sdk/schemas';
import type { Conn } from '../../db/db.js';
import { listMembers } from '../../repos/members.js';
import { findTeam } from '../../repos/teams.js';

/**
 * Who is mailed about a new or overdue case: the assignee; when nobody is assigned, or the assignee is marked away
 * (a mail to someone on holiday tells nobody), every member of the case's team who is not away. Deleted members are
 * never mailed. Empty when that leaves nobody (no assignee, no team, or the whole team away): Slack and webhooks
 * still tell the project.
 */
export async function staffRecipients(conn: Conn, projectId: string, followUp: Pick<FollowUp, 'assigneeId' | 'teamId'>): Promise<Member[]> {
  const live = new Map((await listMembers(conn, projectId)).map((member) => [member.id, member]));
  const assignee = followUp.assigneeId === null ? undefined : live.get(followUp.assigneeId);
  if (assignee !== undefined && !assignee.away) return [assignee];
  if (followUp.teamId === null) return [];
  const team = await findTeam(conn, projectId, followUp.teamId);
  return (team?.memberIds ?? []).flatMap((id) => {
    const member = live.get(id);
    return member === undefined || member.away || member.id === assignee?.id ? [] : [member];
  });
}
