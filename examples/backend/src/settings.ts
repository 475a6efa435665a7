/** What the backend needs to know, from the environment, with the `closeloop demo` values as defaults. */
export interface Settings {
  /** Where this service listens; 0 picks a free port (the browser tests do). */
  port: number;
  host: string;
  /** The Closeloop server the surveys are put into. */
  closeloopHost: string;
  secretKey: string;
  identitySecret: string;
  /** The logged-in user of the demo: a real backend takes it from its session. */
  demoUserId: string;
  /** The `whsec_…` secret of the webhook registered for this service; unset, `POST /webhooks/closeloop` answers 503. */
  webhookSecret: string | undefined;
}

/** Reads the settings; a malformed value throws an error naming its variable. */
export function readSettings(env: NodeJS.ProcessEnv): Settings {
  const port = Number(env['PORT'] ?? 8788);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number (0–65535), got ${JSON.stringify(env['PORT'])}`);
  const closeloopHost = env['CLOSELOOP_HOST'] ?? 'http://127.0.0.1:8787';
  if (!URL.canParse(closeloopHost)) throw new Error(`CLOSELOOP_HOST must be the Closeloop server's URL, got ${JSON.stringify(closeloopHost)}`);
  return {
    port,
    host: env['HOST'] ?? '127.0.0.1',
    closeloopHost,
    secretKey: env['CLOSELOOP_SECRET_KEY'] ?? 'sk_demo',
    identitySecret: env['CLOSELOOP_IDENTITY_SECRET'] ?? 'demo-identity-secret',
    demoUserId: env['DEMO_USER_ID'] ?? 'demo-user-42',
    webhookSecret: env['CLOSELOOP_WEBHOOK_SECRET'] || undefined,
  };
}
