import type { Team } from '@closeloop/sdk/schemas';
import type { Conn } from '../db/db.js';
import { withTransaction } from '../db/with-transaction.js';
import { liveMemberIds } from '../repos/members.js';
import { insertTeam, updateTeam } from '../repos/teams.js';
import type { TeamValues } from '../repos/teams.js';

export type SaveTeamOutcome =
  | { outcome: 'saved'; team: Team }
  | { outcome: 'not_found' }
  | { outcome: 'name_taken' }
  /** `memberIds[index]` is not a live member of the project. Nothing was written. */
  | { outcome: 'unknown_member'; index: number; id: string };

/** A new team (no `teamId`, every value), or a change to the team `teamId` (the values to change). */
export type SaveTeamInput = { projectId: string; now: Date } & (
  | { teamId?: undefined; values: TeamValues }
  | { teamId: string; values: Partial<TeamValues> }
);

/**
 * Creates or changes a team in one transaction: every member must be a live member of the project (the first that
 * is not is named), and the name free in the project.
 */
export function saveTeam(conn: Conn, input: SaveTeamInput): Promise<SaveTeamOutcome> {
  const { projectId, values, now } = input;
  return withTransaction(conn, async (trx) => {
    if (values.memberIds !== undefined) {
      const live = await liveMemberIds(trx, projectId, values.memberIds);
      const index = values.memberIds.findIndex((id) => !live.has(id));
      if (index !== -1) return { outcome: 'unknown_member', index, id: values.memberIds[index] ?? '' };
    }
    if (input.teamId !== undefined) return updateTeam(trx, projectId, input.teamId, input.values, now);
    return insertTeam(trx, projectId, input.values, now);
  });
}
