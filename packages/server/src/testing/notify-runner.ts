import { afterEach } from 'vitest';
import type { Db } from '../db/db.js';
import { jobDefinitions } from '../jobs/definitions.js';
import { escalateCaseKind } from '../jobs/escalate-case/escalate-case.js';
import { createJobRunner } from '../jobs/runner.js';
import type { JobRunner, JobRunnerOptions } from '../jobs/runner.js';
import type { Mailer } from '../notify/email/mailer.js';

/**
 * Starts a job runner with the server's real notification jobs on `db`, private targets allowed (receivers listen on
 * 127.0.0.1) and the real clock (signatures are checked against it). Polls only once a minute unless told
 * otherwise: what reaches a receiver sooner was woken in-process. `mail` turns email on (a mailer on a test SMTP
 * receiver). Stopped after the test.
 */
export function useNotifyRunners(): { start(db: Db, options?: Partial<JobRunnerOptions> & { mail?: Mailer | null }): JobRunner } {
  const started: JobRunner[] = [];
  afterEach(async () => {
    for (const runner of started.splice(0)) await runner.stop();
  });
  return {
    start(db, { mail = null, ...options } = {}) {
      // Notifications only: the pinned NOW the cases open at is days behind the real clock these runners keep, so
      // every case's SLA check would be due at once. Escalations are tested with a fake clock
      // (jobs/escalate-case/escalate-case.test.ts); a claimed check fails here, unrun.
      const definitions = jobDefinitions({ db, allowPrivateWebhooks: true, baseUrl: 'https://closeloop.test', now: () => new Date(), deliveryTimeoutMs: 2_000, mail }).filter(
        (d) => d.kind !== escalateCaseKind.kind,
      );
      const runner = createJobRunner({ db, definitions, pollMs: 60_000, backoff: { baseMs: 20, maxMs: 50 }, onError: () => {}, ...options });
      started.push(runner);
      runner.start();
      return runner;
    },
  };
}
