import { z } from 'zod';
import { AnswerValue, Respondent, StoredResponse } from '@closeloop/sdk/schemas';
import type { AnsweredSurvey, ListedResponse, ResponseContext } from '@closeloop/sdk/schemas';
import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { ResponsesTable } from '../db/database.js';
import { insertedAny } from '../db/inserted-any.js';
import type { Conn } from '../db/db.js';
import { dialectOf } from '../db/dialect-of.js';
import { preparedStatement } from '../db/prepared-statement.js';
import { columnArrays, unnestRows } from '../db/unnest-rows.js';
import type { ColumnTypes } from '../db/unnest-rows.js';
import { findCaseAwaitingNextAnswer } from './case-recovery.js';
import type { CaseCustomer } from './cases.js';
import { keysetPage } from './keyset.js';
import type { ListPage, PageRequest } from './keyset.js';
import { responseConditions } from './response-filters.js';
import type { ResponseFilters } from './response-filters.js';

export type Answers = Record<string, AnswerValue>;

/** The respondent as stored: the signature is checked on the way in, then dropped; only the verdict remains. */
export type StoredRespondent = StoredResponse['respondent'];

/** A response as written: a new row, or the merged state of a stored one. */
export interface ResponseValues {
  answers: Answers;
  finished: boolean;
  respondent: StoredRespondent;
}

export interface NewResponse extends ResponseValues {
  id: string;
  projectId: string;
  surveyId: string;
  context: ResponseContext;
  answeredAt: string;
  receivedAt: string;
}

/** A stored response as a merge needs it: whose it is and what it holds. */
export interface ResponseForMerge extends ResponseValues {
  projectId: string;
  surveyId: string;
}

export type ResponseRow = Selectable<ResponsesTable> & { follow_up_id: string | null };

const StoredAnswers = z.record(z.string(), AnswerValue);
const StoredRespondentJson = Respondent.omit({ signature: true });

// Rows are parsed through the contract on the way out, so a row written by an older server, or edited by hand,
// fails loudly here instead of reaching a client in a shape the contract does not allow.
export function responseFromRow(row: ResponseRow): StoredResponse {
  const respondent = z.record(z.string(), z.unknown()).parse(JSON.parse(row.respondent));
  return StoredResponse.parse({
    id: row.id,
    surveyId: row.survey_id,
    answers: JSON.parse(row.answers),
    finished: row.finished === 1,
    respondent: { ...respondent, verified: row.verified === 1 },
    context: JSON.parse(row.context),
    answeredAt: row.answered_at,
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
    followUpId: row.follow_up_id,
  });
}

/**
 * The columns that hold a response's changing state (the verdict and user id are copied out of the respondent), with
 * the NPS score the survey gives the answers (`npsScoreOf`), copied out for the stats (migration 0010).
 */
function stateColumns({ answers, finished, respondent: { verified, ...respondent } }: ResponseValues, npsScore: number | null) {
  return {
    nps_score: npsScore,
    answers: JSON.stringify(answers),
    finished: finished ? 1 : 0,
    respondent: JSON.stringify(respondent),
    // Copied out of `respondent` so the answered-surveys lookup is indexed (migration 0003).
    user_id: respondent.userId ?? null,
    // Likewise, so a customer's earlier answers are found by browser (migration 0006).
    anonymous_id: respondent.anonymousId,
    verified: verified ? 1 : 0,
  };
}

/**
 * Inserts the response unless its id is taken; true when it did. ON CONFLICT DO NOTHING makes a concurrent
 * duplicate wait on the first insert (PostgreSQL's row lock, SQLite's write lock) instead of failing.
 */
export async function insertResponse(conn: Conn, response: NewResponse, npsScore: number | null): Promise<boolean> {
  return insertedAny(await insertResponseStatement(conn, newResponseRow(response, npsScore)));
}

/** A response to insert, with whose earlier case it may measure: null when it has no NPS score (nothing to look up). */
export interface ResponseToInsert {
  response: NewResponse;
  npsScore: number | null;
  customer: CaseCustomer | null;
}

/** Whether the response was inserted (else its id was taken), and the case it measures (findCaseAwaitingNextAnswer). */
export interface InsertedResponse {
  inserted: boolean;
  /** Looked up for an inserted response with a customer; null otherwise. */
  awaitingCaseId: string | null;
}

/**
 * Inserts responses (each unless its id is taken, as {@link insertResponse}) and, for each new one with an NPS
 * score, finds the customer's case it measures. On PostgreSQL all of it is one statement, whatever the number of
 * responses: a batch of answers is one round trip instead of one or two per answer, the cost that bounded ingest
 * there. A second response with the id of an earlier one in the list is not inserted (the earlier one was, or its
 * id was taken). SQLite has no round trip to save: one prepared insert and lookup per response.
 */
export async function insertResponsesFindingAwaitingCases(conn: Conn, items: readonly ResponseToInsert[]): Promise<InsertedResponse[]> {
  if (dialectOf(conn) === 'sqlite') {
    const results: InsertedResponse[] = [];
    for (const { response, npsScore, customer } of items) {
      const inserted = await insertResponse(conn, response, npsScore);
      const awaitingCaseId =
        inserted && customer !== null ? await findCaseAwaitingNextAnswer(conn, response.projectId, customer, { responseId: response.id, answeredBy: response.receivedAt }) : null;
      results.push({ inserted, awaitingCaseId });
    }
    return results;
  }
  // A repeat of an id earlier in the list is not sent: the first of them says what happened.
  const seen = new Set<string>();
  const first = items.map(({ response }) => !seen.has(response.id) && Boolean(seen.add(response.id)));
  const given = items.flatMap(({ response, npsScore, customer }, i) =>
    first[i] ? [{ ...newResponseRow(response, npsScore), customer_user_id: customer?.userId ?? null, customer_anonymous_id: customer?.anonymousId ?? null, look: customer !== null }] : [],
  );
  const { rows: found } = await insertManyStatement(conn, columnArrays('insertResponsesFindingAwaitingCases', GIVEN_COLUMNS, given));
  const byId = new Map(found.map((row) => [row.id, row]));
  return items.map(({ response }, i) => {
    const row = byId.get(response.id);
    return first[i] && row?.inserted === true ? { inserted: true, awaitingCaseId: row.awaiting_id } : { inserted: false, awaitingCaseId: null };
  });
}

function newResponseRow(response: NewResponse, npsScore: number | null): NewResponseRow {
  return {
    id: response.id,
    project_id: response.projectId,
    survey_id: response.surveyId,
    ...stateColumns(response, npsScore),
    context: JSON.stringify(response.context),
    // The contract checked the URL; its path is what the results filter and group by (migration 0014).
    page_path: new URL(response.context.url).pathname,
    answered_at: response.answeredAt,
    received_at: response.receivedAt,
    updated_at: response.receivedAt,
  };
}

type NewResponseRow = ReturnType<typeof stateColumns> & Pick<ResponsesTable, 'id' | 'project_id' | 'survey_id' | 'context' | 'answered_at' | 'received_at' | 'updated_at'> & { page_path: string };

const insertResponseStatement = preparedStatement<NewResponseRow, never>((conn, p) =>
  conn
    .insertInto('responses')
    .values({
      id: p('id'),
      project_id: p('project_id'),
      survey_id: p('survey_id'),
      nps_score: p('nps_score'),
      answers: p('answers'),
      finished: p('finished'),
      respondent: p('respondent'),
      user_id: p('user_id'),
      anonymous_id: p('anonymous_id'),
      verified: p('verified'),
      context: p('context'),
      page_path: p('page_path'),
      answered_at: p('answered_at'),
      received_at: p('received_at'),
      updated_at: p('updated_at'),
    })
    .onConflict((oc) => oc.column('id').doNothing()),
);

/** A new response row's columns, with their PostgreSQL types. */
const RESPONSE_COLUMNS = {
  id: 'text',
  project_id: 'text',
  survey_id: 'text',
  nps_score: 'integer',
  answers: 'text',
  finished: 'integer',
  respondent: 'text',
  user_id: 'text',
  anonymous_id: 'text',
  verified: 'integer',
  context: 'text',
  page_path: 'text',
  answered_at: 'text',
  received_at: 'text',
  updated_at: 'text',
} as const satisfies Record<keyof NewResponseRow, ColumnTypes[string]>;

/** What the statement is given per response: its row, and whose awaiting case to look for (`look`: any at all). */
const GIVEN_COLUMNS = { ...RESPONSE_COLUMNS, customer_user_id: 'text', customer_anonymous_id: 'text', look: 'boolean' } as const satisfies ColumnTypes;

/**
 * PostgreSQL only: the rows come in as one array per column (so one prepared statement serves any number), are
 * inserted, and each row's awaiting case is found beside it: by the verified user when there is one, else by the
 * browser, through the (project_id, customer_*) indexes. The same rule as findCaseAwaitingNextAnswer (SQLite's
 * path), which the recovery tests hold both to.
 */
const insertManyStatement = preparedStatement<Record<string, unknown[]>, { id: string; inserted: boolean; awaiting_id: string | null }>((conn, p) => {
  const given = unnestRows(GIVEN_COLUMNS, p);
  const columns = unnestRows(RESPONSE_COLUMNS, p).names;
  const awaiting = (by: 'customer_user_id' | 'customer_anonymous_id') => sql`(
    select f.id from follow_ups as f
    where given.look and ${by === 'customer_user_id' ? sql`given.customer_user_id is not null` : sql`given.customer_user_id is null`}
      and f.project_id = given.project_id and f.${sql.ref(by)} = given.${sql.ref(by)}
      and f.status in ('resolved', 'closed') and f.recovery_response_id is null and f.created_at < given.received_at
      and (f.response_id is null or f.response_id != given.id)
    order by f.created_at desc, f.id desc
    limit 1)`;
  const query = sql`with given as (
      select * from ${given.unnest} as t(${given.names})
    ), inserted as (
      insert into responses (${columns}) select ${columns} from given on conflict (id) do nothing returning id
    )
    select given.id, exists (select 1 from inserted where inserted.id = given.id) as inserted,
      coalesce(${awaiting('customer_user_id')}, ${awaiting('customer_anonymous_id')}) as awaiting_id
    from given`;
  return { compile: () => query.compile(conn) };
});

/** The stored response, locked until the transaction ends on PostgreSQL (SQLite's writer already holds the lock). */
export async function findResponseForMerge(conn: Conn, id: string): Promise<ResponseForMerge | null> {
  const row = await conn
    .selectFrom('responses')
    .selectAll()
    .where('id', '=', id)
    .$if(dialectOf(conn) === 'postgres', (q) => q.forUpdate())
    .executeTakeFirst();
  if (row === undefined) return null;
  return {
    projectId: row.project_id,
    surveyId: row.survey_id,
    answers: StoredAnswers.parse(JSON.parse(row.answers)),
    finished: row.finished === 1,
    respondent: { ...StoredRespondentJson.parse(JSON.parse(row.respondent)), verified: row.verified === 1 },
  };
}

export async function updateResponse(conn: Conn, id: string, values: ResponseValues, npsScore: number | null, updatedAt: string): Promise<void> {
  await conn
    .updateTable('responses')
    .set({ ...stateColumns(values, npsScore), updated_at: updatedAt })
    .where('id', '=', id)
    .execute();
}

/**
 * The project's responses matching `filters`, newest received first, each with its case id and, when a member asks
 * (`readerId`), whether that member has read it (null for a project key, which reads nothing).
 */
export function listResponses(conn: Conn, projectId: string, page: PageRequest & ResponseFilters, readerId: string | null = null): Promise<ListPage<ListedResponse>> {
  const query = filteredResponses(conn, projectId, page, readerId);
  return keysetPage(query, { at: 'r.received_at', id: 'r.id' }, page, (row) => ({ ...responseFromRow(row), npsScore: row.nps_score, read: row.read === null ? null : Number(row.read) === 1 }), (r) => ({ at: r.receivedAt, id: r.id }));
}

/** The rows of {@link listResponses}, apart so the CSV export walks the same filters in batches. */
export function filteredResponses(conn: Conn, projectId: string, filters: ResponseFilters, readerId: string | null) {
  return conn
    .selectFrom('responses as r')
    .leftJoin('follow_ups as f', 'f.response_id', 'r.id')
    .selectAll('r')
    .select('f.id as follow_up_id')
    .select((eb) =>
      readerId === null
        ? sql<number | null>`null`.as('read')
        : eb.case().when(eb.exists(eb.selectFrom('response_reads as rr').select('rr.response_id').whereRef('rr.response_id', '=', 'r.id').where('rr.member_id', '=', readerId))).then(1).else(0).end().as('read'),
    )
    .where(responseConditions(conn, projectId, filters));
}

/** Rows by id, for the cases that carry them (their case id is the caller's to add). */
export async function responseRowsById(conn: Conn, ids: string[]): Promise<Map<string, Selectable<ResponsesTable>>> {
  if (ids.length === 0) return new Map();
  const rows = await conn.selectFrom('responses').selectAll().where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The surveys `userId` answered in this project, each with the time of its latest answer: what the config reply
 * tells the browser so frequency caps hold across devices. Only verified responses count, so nobody can hold a
 * survey back from another user by answering under their id without a signature. Served by the
 * (project_id, user_id) index of migration 0003.
 */
export async function listAnsweredSurveys(conn: Conn, projectId: string, userId: string): Promise<AnsweredSurvey[]> {
  const rows = await conn
    .selectFrom('responses')
    .select(['survey_id', (eb) => eb.fn.max('updated_at').as('at')])
    .where('project_id', '=', projectId)
    .where('verified', '=', 1)
    .where('user_id', '=', userId)
    .groupBy('survey_id')
    .orderBy('survey_id')
    .execute();
  return rows.map((row) => ({ surveyId: row.survey_id, at: new Date(row.at).toISOString() }));
}

/**
 * The customer's other responses received by `receivedBy`, newest first: those of the same verified user when `userId` is given (an
 * unverified claim to a user id must not put answers into that user's history), else those of the same browser.
 */
export async function listCustomerResponses(
  conn: Conn,
  projectId: string,
  customer: { userId: string | null; anonymousId: string },
  except: string | null,
  { receivedBy, limit }: { receivedBy: string; limit: number },
): Promise<StoredResponse[]> {
  const rows = await conn
    .selectFrom('responses as r')
    .leftJoin('follow_ups as f', 'f.response_id', 'r.id')
    .selectAll('r')
    .select('f.id as follow_up_id')
    .where('r.project_id', '=', projectId)
    .$if(customer.userId !== null, (q) => q.where('r.user_id', '=', customer.userId).where('r.verified', '=', 1))
    .$if(customer.userId === null, (q) => q.where('r.anonymous_id', '=', customer.anonymousId))
    .$if(except !== null, (q) => q.where('r.id', '!=', except))
    .where('r.received_at', '<=', receivedBy)
    .orderBy('r.received_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(responseFromRow);
}

/** The responses given under `userId` in this project, verified or not, oldest first, each with its case id. */
export async function listPersonResponses(conn: Conn, projectId: string, userId: string): Promise<StoredResponse[]> {
  const rows = await conn
    .selectFrom('responses as r')
    .leftJoin('follow_ups as f', 'f.response_id', 'r.id')
    .selectAll('r')
    .select('f.id as follow_up_id')
    .where('r.project_id', '=', projectId)
    .where('r.user_id', '=', userId)
    .orderBy('r.received_at')
    .orderBy('r.id')
    .execute();
  return rows.map(responseFromRow);
}

/**
 * Replaces a response's personal values with what erasure leaves (`people/erased-values.ts`): no identity (user id,
 * anonymous id and verdict cleared), the answers and page context given. The NPS score column stays for the stats.
 */
export async function eraseResponse(conn: Conn, id: string, erased: { answers: Answers; respondent: { anonymousId: string }; context: ResponseContext }): Promise<void> {
  await conn
    .updateTable('responses')
    .set({
      answers: JSON.stringify(erased.answers),
      respondent: JSON.stringify(erased.respondent),
      context: JSON.stringify(erased.context),
      user_id: null,
      anonymous_id: null,
      verified: 0,
    })
    .where('id', '=', id)
    .execute();
}
