import type { Conn } from '../db/db.js';
import { finishJobsDone } from '../repos/jobs.js';
import type { ClaimedJob } from '../repos/jobs.js';

type Done = Pick<ClaimedJob, 'id' | 'attempt'>;

/**
 * Records finished jobs as `done` in batches: the first is written at once; those that finish while that write
 * waits for the database go together in the next statement. No timer: under a trickle each job is one statement as
 * before; under a burst, on SQLite's single connection, the runner spends one turn per batch instead of one per job,
 * so it keeps pace with the ingest it shares the connection with. Each promise settles once its job's row is written.
 */
export function createDoneRecorder(conn: Conn, now: () => Date): (job: Done) => Promise<void> {
  let waiting: { job: Done; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let writing = false;

  async function write(): Promise<void> {
    writing = true;
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      try {
        await finishJobsDone(conn, batch.map((w) => w.job), now());
        for (const w of batch) w.resolve();
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    writing = false;
  }

  return function recordDone(job) {
    return new Promise<void>((resolve, reject) => {
      waiting.push({ job, resolve, reject });
      if (!writing) void write();
    });
  };
}
