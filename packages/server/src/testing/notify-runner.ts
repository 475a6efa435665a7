import { afterEach } from 'vitest';
import type { Db } from '../db/db.js';
import { jobDefinitions } from '../jobs/definitions.js';
import { createJobRunner } from '../jobs/runner.js';
import type { JobRunner, JobRunnerOptions } from '../jobs/runner.js';
import type { Mailer } from '../notify/email/mailer.js';

/**
 * Starts a job runner with the server's real job definitions on `db`, private targets allowed (receivers listen on
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
      const definitions = jobDefinitions({ db, allowPrivateWebhooks: true, baseUrl: 'https://closeloop.test', now: () => new Date(), deliveryTimeoutMs: 2_000, mail });
      const runner = createJobRunner({ db, definitions, pollMs: 60_000, backoff: { baseMs: 20, maxMs: 50 }, onError: () => {}, ...options });
      started.push(runner);
      runner.start();
      return runner;
    },
  };
}
