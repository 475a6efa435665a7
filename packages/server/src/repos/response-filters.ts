import { SCORE_GROUP_RANGE } from '@closeloop/sdk/schemas';
import type { AttributeFilters, ScoreGroup } from '@closeloop/sdk/schemas';
import { sql } from 'kysely';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../db/database.js';
import type { Conn } from '../db/db.js';
import { dialectOf } from '../db/dialect-of.js';

/** How the results narrow the project's responses; each filter set narrows further. */
export interface ResponseFilters {
  surveyId?: string | undefined;
  /** Received at or after (ISO). */
  from?: string | undefined;
  /** Received before (ISO). */
  to?: string | undefined;
  /** A page path, `*` standing for any run of characters. */
  page?: string | undefined;
  attr?: AttributeFilters | undefined;
  group?: ScoreGroup | undefined;
  /** Only responses this member has (true) or has not (false) read. */
  read?: { memberId: string; read: boolean } | undefined;
}

type R = ExpressionBuilder<Database & { r: Database['responses'] }, 'r'>;

/**
 * The conditions for `filters` on `responses as r`, one expression: served by the (project_id, survey_id,
 * received_at) and (project_id, received_at) indexes, the page by (project_id, page_path, received_at) (migration 0014).
 */
export function responseConditions(conn: Conn, projectId: string, filters: ResponseFilters) {
  const dialect = dialectOf(conn);
  return (eb: R): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [eb('r.project_id', '=', projectId)];
    if (filters.surveyId !== undefined) all.push(eb('r.survey_id', '=', filters.surveyId));
    if (filters.from !== undefined) all.push(eb('r.received_at', '>=', filters.from));
    if (filters.to !== undefined) all.push(eb('r.received_at', '<', filters.to));
    if (filters.page !== undefined) {
      all.push(filters.page.includes('*') ? sql<SqlBool>`r.page_path like ${pageLike(filters.page)} escape '\\'` : eb('r.page_path', '=', filters.page));
    }
    if (filters.group !== undefined) {
      const [low, high] = SCORE_GROUP_RANGE[filters.group];
      all.push(eb('r.nps_score', '>=', low), eb('r.nps_score', '<=', high));
    }
    for (const [name, value] of Object.entries(filters.attr ?? {})) all.push(sql<SqlBool>`${attributeText(dialect, name)} = ${value}`);
    if (filters.read !== undefined) {
      const read = eb.exists(eb.selectFrom('response_reads as rr').select('rr.response_id').whereRef('rr.response_id', '=', 'r.id').where('rr.member_id', '=', filters.read.memberId));
      all.push(filters.read.read ? read : eb.not(read));
    }
    return eb.and(all);
  };
}

/** A page pattern as LIKE's: `*` any run, LIKE's own wildcards and the escape taken literally. */
function pageLike(pattern: string): string {
  return pattern.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, '%');
}

/**
 * A respondent attribute as text (`pro`, `5`, `true`), the same on both databases. The name is safe inside a quoted
 * JSON path: the contract allows only letters, digits and `_ . : -` (`AttributeName`).
 */
function attributeText(dialect: 'sqlite' | 'postgres', name: string) {
  if (dialect === 'postgres') return sql<string>`(r.respondent::jsonb -> 'attributes' ->> ${name})`;
  const path = `$.attributes."${name}"`;
  // SQLite's json_extract gives 1/0 for JSON booleans; PostgreSQL's ->> gives true/false: spelled out alike here.
  return sql<string>`(case json_type(r.respondent, ${path}) when 'true' then 'true' when 'false' then 'false' else cast(json_extract(r.respondent, ${path}) as text) end)`;
}
