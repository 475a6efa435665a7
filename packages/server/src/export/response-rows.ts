import { scoreGroupOf } from '@closeloop/sdk/schemas';
import type { ListedResponse } from '@closeloop/sdk/schemas';
import type { Conn } from '../db/db.js';
import type { PageCursor } from '../repos/keyset.js';
import type { ResponseFilters } from '../repos/response-filters.js';
import { listResponses } from '../repos/responses.js';
import type { CellValue } from './csv-cell.js';

/** The responses CSV's columns, in order; `read` is empty for a project key (it has no reader). */
export const RESPONSE_COLUMNS = [
  'id',
  'survey_id',
  'received_at',
  'answered_at',
  'finished',
  'nps_score',
  'group',
  'comment',
  'answers_json',
  'page_url',
  'locale',
  'user_id',
  'verified',
  'anonymous_id',
  'attributes_json',
  'case_id',
  'read',
] as const;

const BATCH = 500;

/** The matching responses, newest first, a batch per database round trip (keyset pages, so each costs the same). */
export async function* responseRows(conn: Conn, projectId: string, filters: ResponseFilters, readerId: string | null): AsyncGenerator<CellValue[][]> {
  let after: PageCursor | undefined;
  do {
    const page = await listResponses(conn, projectId, { ...filters, limit: BATCH, after }, readerId);
    if (page.data.length > 0) yield page.data.map(responseCells);
    after = page.next ?? undefined;
  } while (after !== undefined);
}

function responseCells(r: ListedResponse): CellValue[] {
  const comment = Object.values(r.answers)
    .filter((value): value is string => typeof value === 'string')
    .join('\n');
  return [
    r.id,
    r.surveyId,
    r.receivedAt,
    r.answeredAt,
    r.finished,
    r.npsScore,
    r.npsScore === null ? null : scoreGroupOf(r.npsScore),
    comment,
    JSON.stringify(r.answers),
    r.context.url,
    r.context.locale,
    r.respondent.userId,
    r.respondent.verified,
    r.respondent.anonymousId,
    r.respondent.attributes === undefined ? null : JSON.stringify(r.respondent.attributes),
    r.followUpId,
    r.read,
  ];
}
