import type { FollowUp } from '@closeloop/sdk/schemas';
import type { Conn } from '../db/db.js';
import { listCases } from '../repos/cases.js';
import type { CaseFilters, QueuePosition } from '../repos/cases.js';
import { listStatsPeople } from '../repos/follow-up-stats.js';
import type { CellValue } from './csv-cell.js';

/** The cases CSV's columns, in order. */
export const CASE_COLUMNS = [
  'id',
  'source',
  'status',
  'priority',
  'survey_id',
  'score',
  'comment',
  'page_url',
  'user_id',
  'team',
  'assignee',
  'created_at',
  'due_at',
  'first_contact_at',
  'resolved_at',
  'resolution',
  'root_cause',
  'summary',
  'compensation',
] as const;

const BATCH = 200;

/**
 * The matching cases in the queue's order (priority, then due time), a batch per keyset page, with team and assignee
 * by name (deleted members too: their cases still name them).
 */
export async function* caseRows(conn: Conn, projectId: string, filters: CaseFilters): AsyncGenerator<CellValue[][]> {
  const people = await listStatsPeople(conn, projectId);
  const names = new Map([...people.teams, ...people.members].map((p) => [p.id, p.name]));
  let after: QueuePosition | undefined;
  do {
    const page = await listCases(conn, projectId, { ...filters, limit: BATCH, after });
    if (page.data.length > 0) yield page.data.map((c) => caseCells(c, names));
    after = page.next ?? undefined;
  } while (after !== undefined);
}

function caseCells(c: FollowUp, names: Map<string, string>): CellValue[] {
  const cause = c.source === 'survey' ? c.response : c.feedback;
  const comment =
    c.source === 'survey'
      ? Object.values(c.response.answers)
          .filter((value): value is string => typeof value === 'string')
          .join('\n')
      : c.feedback.comment;
  const compensation = c.resolution?.compensation;
  return [
    c.id,
    c.source,
    c.status,
    c.priority,
    c.source === 'survey' ? c.surveyId : null,
    c.source === 'survey' ? c.reason.value : null,
    comment,
    cause.context.url,
    cause.respondent.userId,
    c.teamId === null ? null : (names.get(c.teamId) ?? c.teamId),
    c.assigneeId === null ? null : (names.get(c.assigneeId) ?? c.assigneeId),
    c.createdAt,
    c.dueAt,
    c.firstContactAt,
    c.resolution?.resolvedAt,
    c.resolution?.resolution,
    c.resolution?.rootCause,
    c.resolution?.summary,
    compensation === undefined ? null : [compensation.kind, compensation.value, compensation.code].filter((part) => part !== undefined).join(' '),
  ];
}
