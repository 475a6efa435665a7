import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createApp } from '../app.js';
import type { Db } from '../db/db.js';
import { countedDeliveries } from '../jobs/counted-deliveries.js';
import { jobDefinitions } from '../jobs/definitions.js';
import { createLogger } from '../log/logger.js';
import { createMetrics } from '../metrics/metrics.js';
import { createJobRunner } from '../jobs/runner.js';
import type { JobRunner } from '../jobs/runner.js';
import { createMailer } from '../notify/email/mailer.js';
import type { Mailer } from '../notify/email/mailer.js';
import { banner } from './banner.js';
import type { CommandContext } from './command-context.js';
import { CommandError } from './command-error.js';
import { displayOrigin, listen } from './listen.js';
import type { Listening } from './listen.js';
import { consoleDistDir, defaultDemoDir, isDemoSite, widgetBrowserDir } from './locate-assets.js';
import { messageOf } from './message-of.js';
import { openDb } from './open-db.js';
import { parseServeArgs, serveConfig } from './parse-serve-args.js';
import { DEMO_LOGINS, seedDemo } from './seed-demo.js';

/** `closeloop serve|demo`: opens the database, starts the server, prints where it is, stops cleanly on SIGINT/SIGTERM. */
export async function serveCommand(command: 'serve' | 'demo', argv: string[], { env, cwd }: CommandContext): Promise<void> {
  const args = parseServeArgs(command, argv);
  // Every setting is read and checked before anything opens: a wrong one stops the server here, named, rather than
  // every notification failing later.
  const config = serveConfig(args, env, cwd);

  let demoDir: string | undefined;
  if (args.command === 'demo') {
    demoDir = resolve(cwd, args.demoDir ?? defaultDemoDir());
    if (!isDemoSite(demoDir)) {
      throw new CommandError(`the demo serves the example shop, but ${demoDir}/index.html is missing (build the server package, or pass --demo-dir)`);
    }
  }

  // One logger for the database pool, the app and the runner: JSON lines on stdout, after the banner.
  const logger = createLogger({ level: config.logLevel });
  const opened = await openDb(config, cwd, logger);
  const { db } = opened;
  if (args.command === 'demo') await seedDemo(db, new Date());

  const widgetDir = widgetBrowserDir();
  const mail = config.mail === null ? null : createMailer(config.mail);
  const consoleDir = consoleDistDir();
  // Open event streams would hold the server's close() forever: they end when this aborts.
  const streams = new AbortController();
  // The runner needs the origin, known once listening; /healthz asks it through this until then (not running yet).
  let runner: JobRunner | undefined = undefined;
  const jobsRunning = () => runner?.isRunning() ?? false;
  const { allowPrivateWebhooks, rateLimits, trustProxy: trustedProxies } = config;
  const metricsToken = config.metricsToken ?? undefined;
  const metrics = metricsToken === undefined ? undefined : createMetrics({ db });
  const app = createApp({ db, widgetDir, consoleDir, demoDir, allowPrivateWebhooks, mail, eventStream: { signal: streams.signal }, jobsRunning, rateLimits, trustedProxies, logger, metrics, metricsToken });
  let listening: Listening;
  try {
    listening = await listen(app, config);
  } catch (error) {
    await db.destroy();
    throw new CommandError(`cannot listen on ${config.host}:${config.port}: ${messageOf(error)}`);
  }

  const origin = displayOrigin(config.host, listening.port);
  const widgetBuilt = widgetDir !== undefined && existsSync(resolve(widgetDir, 'closeloop.js'));
  const consoleBuilt = consoleDir !== undefined && existsSync(resolve(consoleDir, 'index.html'));
  const logins = args.command === 'demo' ? DEMO_LOGINS : [];
  console.log(banner({ command: args.command, origin, dataLocation: opened.location, widgetBuilt, consoleBuilt, logins }));
  // Jobs queued by this instance run as soon as their transaction commits; the poll picks up other instances' jobs.
  const definitions = jobDefinitions({ db, allowPrivateWebhooks, baseUrl: config.publicUrl ?? origin, now: () => new Date(), mail });
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
          (error: unknown) => {
            console.error(`closeloop: closing the database failed: ${messageOf(error)}`);
            process.exitCode = 1;
          },
        );
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
