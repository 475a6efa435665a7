import type { CaseExportQuery } from '@closeloop/sdk/schemas';
import type { Db } from '../db/db.js';
import type { CaseFilters } from '../repos/cases.js';
import { memberExists } from '../repos/members.js';
import { findTeam } from '../repos/teams.js';
import { HttpError } from './http-error.js';
import { readerOf } from './reader-of.js';
import type { Principal } from './principal.js';

/**
 * The case queue's query (`GET /api/v1/follow-ups`, and the cases CSV export that takes the same filters) as the
 * repository's filters: `assignee=me` is the signed-in member (a 422 for a project key, which is nobody), a member
 * or team id must exist (422 naming the field).
 */
export async function caseFilters(db: Db, principal: Principal, query: CaseExportQuery, now: Date): Promise<CaseFilters> {
  const projectId = principal.project.id;
  let assigneeId: string | null | undefined;
  if (query.assignee === 'me') {
    assigneeId = readerOf(principal);
    if (assigneeId === null) throw HttpError.field(422, 'invalid_request', 'assignee', `me needs a signed-in member; use a member id (this request acts as the ${principal.kind})`);
  } else if (query.assignee === 'none') {
    assigneeId = null;
  } else if (query.assignee !== undefined) {
    if (!(await memberExists(db.kysely, projectId, query.assignee))) throw HttpError.field(422, 'unknown_member', 'assignee', `no member of the project has the id ${query.assignee}`);
    assigneeId = query.assignee;
  }
  let teamId: string | null | undefined;
  if (query.team === 'none') teamId = null;
  else if (query.team !== undefined) {
    if ((await findTeam(db.kysely, projectId, query.team)) === null) throw HttpError.field(422, 'unknown_team', 'team', `no team of the project has the id ${query.team}`);
    teamId = query.team;
  }
  return {
    status: query.status,
    assigneeId,
    teamId,
    priority: query.priority,
    overdueAt: query.overdue ? now.toISOString() : undefined,
    surveyId: query.surveyId,
    source: query.source,
    q: query.q,
  };
}
