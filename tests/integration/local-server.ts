// The real Closeloop app on a random port of 127.0.0.1, on a fresh SQLite file in a temp dir, with one project
// seeded: what a Node client talks to in production, minus the network.
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp, createProject, openSqliteDb } from '@closeloop/server';
import type { Db, Project } from '@closeloop/server';

export interface LocalServer {
  origin: string;
  db: Db;
  project: Project;
  secretKey: string;
  stop(): Promise<void>;
}

export async function startLocalServer(): Promise<LocalServer> {
  const dir = await mkdtemp(join(tmpdir(), 'closeloop-it-'));
  const db = await openSqliteDb({ file: join(dir, 'closeloop.sqlite') });
  const secretKey = 'sk_it_secret';
  const project = await createProject(
    db.kysely,
    { name: 'it', publicKey: 'pk_it', secretKey, identitySecret: 'it-identity', allowedOrigins: ['*'] },
    new Date(),
  );
  const app = createApp({ db });
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve({ server, port: info.port }));
    server.once('error', reject);
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    db,
    project,
    secretKey,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.destroy();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
