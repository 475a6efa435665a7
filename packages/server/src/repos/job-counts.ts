import type { Conn } from '../db/db.js';

export interface JobCount {
  kind: string;
  status: 'pending' | 'running' | 'failed';
  count: number;
}

/**
 * Jobs waiting, running and given up, by kind, across every instance (they share the table): what `/metrics`
 * reports. Done jobs are left out; the (status, run_at) index serves the filter.
 */
export async function countJobs(conn: Conn): Promise<JobCount[]> {
  const rows = await conn
    .selectFrom('jobs')
    .select(['kind', 'status', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('status', 'in', ['pending', 'running', 'failed'])
    .groupBy(['kind', 'status'])
    .execute();
  return rows.map((r) => ({ kind: r.kind, status: r.status as JobCount['status'], count: Number(r.count) }));
}
