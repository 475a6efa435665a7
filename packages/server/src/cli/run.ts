import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createApp } from '../app.js';
import type { Db } from '../db/db.js';
import { countedDeliveries } from '../jobs/counted-deliveries.js';
import { jobDefinitions } from '../jobs/definitions.js';
import { createLogger } from '../log/logger.js';
import { createMetrics } from '../metrics/metrics.js';
import { createJobRunner } from '../jobs/runner.js';
import { readMailConfig } from '../notify/email/mail-config.js';
import type { MailConfig } from '../notify/email/mail-config.js';
import { MailConfigError } from '../notify/email/mail-config-error.js';
import { createMailer } from '../notify/email/mailer.js';
import type { Mailer } from '../notify/email/mailer.js';
import type { JobRunner } from '../jobs/runner.js';
import { banner } from './banner.js';
import { CliUsageError } from './cli-usage-error.js';
import { displayOrigin, listen } from './listen.js';
import type { Listening } from './listen.js';
import { consoleDistDir, defaultDemoDir, isDemoSite, widgetBrowserDir } from './locate-assets.js';
import { openDb } from './open-db.js';
import { OpsSettingsError, readOpsSettings } from './ops-settings.js';
import type { OpsSettings } from './ops-settings.js';
import { parseCliArgs } from './parse-cli-args.js';
import { parseUsersArgs } from './parse-users-args.js';
import { promptHidden } from './prompt-password.js';
import { runUsers, UsersCommandError } from './users.js';
import type { UsersIo } from './users.js';
import { DEMO_LOGINS, seedDemo } from './seed-demo.js';
import { USAGE } from './usage.js';

/** Exit codes: 2 for a wrong command line, 1 for a failure to start. */
function fail(message: string, code: 1 | 2): void {
  console.error(`closeloop: ${message}${code === 2 ? '\nRun `closeloop --help` for usage.' : ''}`);
  process.exitCode = code;
}

/** `closeloop serve|demo`: opens the database, starts the server, prints where it is, stops cleanly on SIGINT/SIGTERM. */
export async function run(argv: string[], env: NodeJS.ProcessEnv, io: UsersIo = terminalIo()): Promise<void> {
  if (argv[0] === 'users') return usersCommand(argv.slice(1), env, io);
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (error instanceof CliUsageError) return fail(error.message, 2);
    throw error;
  }
  if (args.command === 'help') {
    console.log(USAGE);
    return;
  }

  let demoDir: string | undefined;
  if (args.command === 'demo') {
    demoDir = resolve(args.demoDir ?? defaultDemoDir());
    if (!isDemoSite(demoDir)) {
      return fail(`the demo serves the example shop, but ${demoDir}/index.html is missing (run from a Closeloop checkout, or pass --demo-dir)`, 1);
    }
  }

  // Read once, before anything opens: a wrong mail setting stops the server here, naming the variable, rather than
  // every notification failing later.
  let mailConfig: MailConfig | null;
  try {
    mailConfig = readMailConfig(env);
  } catch (error) {
    if (error instanceof MailConfigError) return fail(error.message, 1);
    throw error;
  }
  let ops: OpsSettings;
  try {
    ops = readOpsSettings(env);
  } catch (error) {
    if (error instanceof OpsSettingsError) return fail(error.message, 1);
    throw error;
  }
  // One logger for the database pool, the app and the runner: JSON lines on stdout, after the banner.
  const logger = createLogger({ level: ops.logLevel });
  let opened;
  try {
    opened = await openDb(env, args.dataDir, logger);
  } catch (error) {
    return fail(`cannot open the database: ${messageOf(error)}`, 1);
  }
  const { db } = opened;
  if (args.command === 'demo') await seedDemo(db, new Date());

  const widgetDir = widgetBrowserDir();
  const mail = mailConfig === null ? null : createMailer(mailConfig);
  const consoleDir = consoleDistDir();
  // Open event streams would hold the server's close() forever: they end when this aborts.
  const streams = new AbortController();
  // The runner needs the origin, known once listening; /healthz asks it through this until then (not running yet).
  let runner: JobRunner | undefined = undefined;
  const jobsRunning = () => runner?.isRunning() ?? false;
  const metrics = ops.metricsToken === undefined ? undefined : createMetrics({ db });
  const app = createApp({ db, widgetDir, consoleDir, demoDir, allowPrivateWebhooks: args.allowPrivateWebhooks, mail, eventStream: { signal: streams.signal }, jobsRunning, rateLimits: args.rateLimits, trustedProxies: args.trustedProxies, logger, metrics, metricsToken: ops.metricsToken });
  let listening: Listening;
  try {
    listening = await listen(app, args);
  } catch (error) {
    await db.destroy();
    return fail(`cannot listen on ${args.host}:${args.port}: ${messageOf(error)}`, 1);
  }

  const origin = displayOrigin(args.host, listening.port);
  const widgetBuilt = widgetDir !== undefined && existsSync(resolve(widgetDir, 'closeloop.js'));
  const consoleBuilt = consoleDir !== undefined && existsSync(resolve(consoleDir, 'index.html'));
  const logins = args.command === 'demo' ? DEMO_LOGINS : [];
  console.log(banner({ command: args.command, origin, dataLocation: opened.location, widgetBuilt, consoleBuilt, logins }));
  // Jobs queued by this instance run as soon as their transaction commits; the poll picks up other instances' jobs.
  const definitions = jobDefinitions({ db, allowPrivateWebhooks: args.allowPrivateWebhooks, baseUrl: env['CLOSELOOP_PUBLIC_URL'] ?? origin, now: () => new Date(), mail });
  runner = createJobRunner({ db, definitions: metrics === undefined ? definitions : countedDeliveries(definitions, metrics), logger });
  runner.start();
  stopOnSignals(listening, runner, db, mail, streams);
}

function stopOnSignals({ server }: Listening, runner: JobRunner, db: Db, mail: Mailer | null, streams: AbortController): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nClosing (${signal})…`);
    // Open keep-alive sockets would hold close() forever; give in-flight requests 5 s, then leave anyway.
    setTimeout(() => {
      console.error('closeloop: connections still open after 5 s, exiting');
      process.exit(1);
    }, 5_000).unref();
    streams.abort();
    server.close(() => {
      // Jobs already claimed finish first; anything left is claimed again once its lease lapses.
      runner
        .stop()
        .then(() => {
          mail?.transport.close();
          return db.destroy();
        })
        .then(
        () => console.log('Stopped.'),
        (error: unknown) => fail(`closing the database failed: ${messageOf(error)}`, 1),
      );
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** `closeloop users add|list`: console logins, on the database `serve` would open. */
async function usersCommand(argv: string[], env: NodeJS.ProcessEnv, io: UsersIo): Promise<void> {
  let args;
  try {
    args = parseUsersArgs(argv);
  } catch (error) {
    if (error instanceof CliUsageError) return fail(error.message, 2);
    throw error;
  }
  let opened;
  try {
    opened = await openDb(env, args.dataDir);
  } catch (error) {
    return fail(`cannot open the database: ${messageOf(error)}`, 1);
  }
  try {
    await runUsers(opened.db, args, io, new Date());
  } catch (error) {
    if (error instanceof CliUsageError) return fail(error.message, 2);
    if (error instanceof UsersCommandError) return fail(error.message, 1);
    throw error;
  } finally {
    await opened.db.destroy();
  }
}

/** The real terminal: a password is prompted for only when both ends are a TTY. */
function terminalIo(): UsersIo {
  return {
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    promptHidden: (question) => promptHidden(question),
    out: (line) => console.log(line),
  };
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}
