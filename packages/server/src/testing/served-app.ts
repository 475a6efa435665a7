import { createApp } from '../app.js';
import { listen } from '../cli/listen.js';
import type { Db } from '../db/db.js';

export interface ServedApp {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/** The real app on a random port of 127.0.0.1, as `closeloop serve` runs it (private webhook targets allowed). */
export async function serveApp(db: Db): Promise<ServedApp> {
  const { server, port } = await listen(createApp({ db, allowPrivateWebhooks: true }), { port: 0, host: '127.0.0.1' });
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** POSTs a response over real HTTP, as the browser does; resolves to the case it opened (or null). */
export async function postResponse(origin: string, body: unknown): Promise<string | null> {
  const res = await fetch(`${origin}/v1/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://shop.example' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST /v1/responses answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { followUpId: string | null }).followUpId;
}

/** Registers a webhook for `follow_up.opened` over real HTTP; resolves to its secret. */
export async function registerOpenedWebhook(origin: string, secretKey: string, url: string): Promise<string> {
  const res = await fetch(`${origin}/api/v1/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secretKey}` },
    body: JSON.stringify({ url, events: ['follow_up.opened'] }),
  });
  if (res.status !== 201) throw new Error(`POST /api/v1/webhooks answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { secret: string }).secret;
}
