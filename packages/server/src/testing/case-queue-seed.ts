import { randomUUID } from 'node:crypto';
import type { Db } from '../db/db.js';
import { PRIORITY_RANK } from '../repos/cases.js';
import { NOW } from './fixtures.js';

/**
 * Fills a project's support queue for the benches: `count` survey cases (a tenth with a comment) spread over
 * priorities, statuses, 20 assignees (a third unassigned) and three weeks of due times. Returns the assignee ids.
 */
export async function seedCaseQueue(db: Db, projectId: string, count: number): Promise<string[]> {
  const assignees = Array.from({ length: 20 }, () => randomUUID());
  const BATCH = 500;
  const priorities = ['urgent', 'high', 'normal', 'low'] as const;
  const statuses = ['open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'] as const;
  const words = ['parcel', 'refund', 'checkout', 'login', 'price', 'slow', 'support', 'app'];

  await db.kysely.transaction().execute(async (trx) => {
    for (let start = 0; start < count; start += BATCH) {
      const rows = Array.from({ length: BATCH }, (_, j) => {
        const i = start + j;
        const at = new Date(NOW.getTime() - (i % 30_000) * 60_000).toISOString();
        const comment = i % 10 === 0 ? `${words[i % words.length]} problem number ${i}` : null;
        return { i, id: randomUUID(), at, comment };
      });
      await trx
        .insertInto('responses')
        .values(
          rows.map(({ id, at, comment }) => ({
            id,
            project_id: projectId,
            survey_id: 'nps',
            answers: JSON.stringify(comment === null ? { nps: 3 } : { nps: 3, comment }),
            finished: 1,
            respondent: '{"anonymousId":"a"}',
            anonymous_id: 'a',
            verified: 0,
            context: '{"url":"https://shop.example/"}',
            answered_at: at,
            received_at: at,
            updated_at: at,
          })),
        )
        .execute();
      await trx
        .insertInto('follow_ups')
        .values(
          rows.map(({ i, id, at, comment }) => {
            const priority = priorities[i % 4] ?? 'normal';
            return {
              id: randomUUID(),
              project_id: projectId,
              response_id: id,
              survey_id: 'nps',
              reason: '{"question":"nps","value":3}',
              status: statuses[i % 5] ?? 'open',
              priority,
              priority_rank: PRIORITY_RANK[priority],
              assignee_id: i % 3 === 0 ? null : (assignees[i % assignees.length] ?? null),
              due_at: new Date(Date.parse(at) + 48 * 3_600_000).toISOString(),
              created_at: at,
              updated_at: at,
              search_text: comment ?? '',
              customer_anonymous_id: 'a',
            };
          }),
        )
        .execute();
    }
  });
  return assignees;
}
