import { sql } from 'kysely';
import type { Conn } from '../db/db.js';
import { responseConditions } from './response-filters.js';
import type { ResponseFilters } from './response-filters.js';

/** How many NPS answers gave `score` on a UTC `day` (YYYY-MM-DD). */
export interface DailyScoreCount {
  day: string;
  score: number;
  count: number;
}

/**
 * The NPS answers matching `filters`, counted per UTC day and score in the database: at most 366 × 11 rows reach
 * the server whatever the volume. Times are stored as UTC ISO strings, so the day is their first ten characters.
 */
export async function countNpsAnswersByDay(conn: Conn, projectId: string, filters: ResponseFilters): Promise<DailyScoreCount[]> {
  const day = sql<string>`substr(r.received_at, 1, 10)`;
  const rows = await conn
    .selectFrom('responses as r')
    .select([day.as('day'), 'r.nps_score', (eb) => eb.fn.countAll().as('n')])
    .where(responseConditions(conn, projectId, filters))
    .where('r.nps_score', 'is not', null)
    .groupBy([day, 'r.nps_score'])
    .execute();
  return rows.map((row) => ({ day: row.day, score: Number(row.nps_score), count: Number(row.n) }));
}

/** A page path with its NPS answers and detractors. */
export interface PageDetractors {
  page: string;
  answers: number;
  detractors: number;
}

/** The pages with the most detractor answers matching `filters`, most first (then the page, for a stable order). */
export async function topDetractorPages(conn: Conn, projectId: string, filters: ResponseFilters, limit: number): Promise<PageDetractors[]> {
  const detractors = sql<number>`sum(case when r.nps_score <= 6 then 1 else 0 end)`;
  const rows = await conn
    .selectFrom('responses as r')
    .select(['r.page_path', (eb) => eb.fn.countAll().as('answers'), detractors.as('detractors')])
    .where(responseConditions(conn, projectId, filters))
    .where('r.nps_score', 'is not', null)
    .where('r.page_path', 'is not', null)
    .groupBy('r.page_path')
    .having(detractors, '>', 0)
    .orderBy(detractors, 'desc')
    .orderBy('r.page_path')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ page: row.page_path ?? '', answers: Number(row.answers), detractors: Number(row.detractors) }));
}

/** The answers (JSON) of the newest `limit` detractor responses matching `filters`, whose comments the themes read. */
export async function listDetractorAnswers(conn: Conn, projectId: string, filters: ResponseFilters, limit: number): Promise<string[]> {
  const rows = await conn
    .selectFrom('responses as r')
    .select('r.answers')
    .where(responseConditions(conn, projectId, { ...filters, group: 'detractor' }))
    .orderBy('r.received_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => row.answers);
}
