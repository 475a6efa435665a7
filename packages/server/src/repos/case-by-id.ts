import type { FollowUp } from '@closeloop/sdk/schemas';
import type { Conn } from '../db/db.js';
import { caseWithCause } from './cases.js';

/** A case as notifications need it: the contract's FollowUp and the project it belongs to. */
export interface CaseForNotice {
  projectId: string;
  projectName: string;
  followUp: FollowUp;
}

/**
 * One case by id, as the management API returns it (with its response or feedback in full), and its project's name:
 * what a notification job reads at send time, so a webhook carries the case as it is then. Null when the case is
 * gone (erased with its customer). A job knows the case by id only, hence the lookup without a project.
 */
export async function findCaseById(conn: Conn, id: string): Promise<CaseForNotice | null> {
  const row = await conn
    .selectFrom('follow_ups as f')
    .innerJoin('projects as p', 'p.id', 'f.project_id')
    .selectAll('f')
    .select('p.name as project_name')
    .where('f.id', '=', id)
    .executeTakeFirst();
  if (row === undefined) return null;
  const { project_name: projectName, ...caseRow } = row;
  return { projectId: caseRow.project_id, projectName, followUp: await caseWithCause(conn, caseRow) };
}
