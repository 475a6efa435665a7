import type { FollowUpStatus } from '@closeloop/sdk/schemas';
import type { Conn } from '../db/db.js';

const FINISHED: FollowUpStatus[] = ['resolved', 'closed'];

/** Cases not yet resolved or closed, across every project, by status: what `/metrics` reports. */
export async function countOpenCases(conn: Conn): Promise<{ status: FollowUpStatus; count: number }[]> {
  const rows = await conn
    .selectFrom('follow_ups')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('status', 'not in', FINISHED)
    .groupBy('status')
    .execute();
  return rows.map((r) => ({ status: r.status as FollowUpStatus, count: Number(r.count) }));
}

/** Unfinished cases past their due time at `now`, across every project. */
export async function countOverdueCases(conn: Conn, now: Date): Promise<number> {
  const row = await conn
    .selectFrom('follow_ups')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('status', 'not in', FINISHED)
    .where('due_at', '<', now.toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
