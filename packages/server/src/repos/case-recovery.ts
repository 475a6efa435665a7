import { sql } from 'kysely';
import type { CaseCustomer } from './cases.js';
import type { Conn } from '../db/db.js';
import { preparedStatement } from '../db/prepared-statement.js';

/**
 * The case a customer's new NPS answer measures: their newest case (by verified user id when known, else by browser)
 * that is resolved or closed, was opened before `answeredBy`, has no next answer linked yet and was not opened by
 * this very response. Through the (project_id, customer_*) indexes: a customer has few cases.
 */
export async function findCaseAwaitingNextAnswer(
  conn: Conn,
  projectId: string,
  customer: CaseCustomer,
  { responseId, answeredBy }: { responseId: string; answeredBy: string },
): Promise<string | null> {
  const statement = customer.userId === null ? awaitingByBrowser : awaitingByUser;
  const { rows } = await statement(conn, { projectId, userId: customer.userId, anonymousId: customer.anonymousId, responseId, answeredBy });
  return rows[0]?.id ?? null;
}

interface AwaitingParameters {
  projectId: string;
  userId: string | null;
  anonymousId: string;
  responseId: string;
  answeredBy: string;
}

/** The statement of {@link findCaseAwaitingNextAnswer}, for a verified user (`byUser`) or a browser. */
function awaitingNextAnswer(byUser: boolean) {
  return preparedStatement<AwaitingParameters, { id: string }>((conn, p) =>
    conn
      .selectFrom('follow_ups')
      .select('id')
      .where('project_id', '=', p('projectId'))
      .$if(byUser, (q) => q.where('customer_user_id', '=', p('userId')))
      .$if(!byUser, (q) => q.where('customer_anonymous_id', '=', p('anonymousId')))
      .where('status', 'in', ['resolved', 'closed'])
      .where('recovery_response_id', 'is', null)
      .where('created_at', '<', p('answeredBy'))
      // A feedback case has no response_id: `!=` on null would drop it, so say it in full.
      .where((eb) => eb.or([eb('response_id', 'is', null), eb('response_id', '!=', p('responseId'))]))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      // A literal: SQLite runs this lookup in 4 µs with `limit 1`, 18 µs with `limit ?` (measured on the bench's data).
      .limit(sql.lit(1)),
  );
}

const awaitingByUser = awaitingNextAnswer(true);
const awaitingByBrowser = awaitingNextAnswer(false);

/** Whether this response already measures a case (an earlier step of it brought the score). */
export async function responseMeasuresACase(conn: Conn, responseId: string): Promise<boolean> {
  const row = await conn.selectFrom('follow_ups').select('id').where('recovery_response_id', '=', responseId).executeTakeFirst();
  return row !== undefined;
}

/**
 * Links the answer to the case, only if no answer is linked yet: true when this call did. UNIQUE(recovery_response_id)
 * keeps the answer to one case even if two steps of it race.
 */
export async function linkNextAnswer(conn: Conn, caseId: string, { responseId, score }: { responseId: string; score: number }): Promise<boolean> {
  const updated = await conn
    .updateTable('follow_ups')
    .set({ recovery_response_id: responseId, recovery_score: score })
    .where('id', '=', caseId)
    .where('recovery_response_id', 'is', null)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}
