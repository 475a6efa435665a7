// The example backend's webhook route against real deliveries: the Closeloop app (in process, on an in-memory
// SQLite) opens a case for a detractor, its job runner signs and POSTs the event over real HTTP to this backend,
// which verifies it with @closeloop/sdk/node and logs one line.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { createApp, createJobRunner, createProject, jobDefinitions, openSqliteDb, upsertSurvey } from '@closeloop/server';
import type { Db, JobRunner } from '@closeloop/server';
import { SurveyDefinition } from '@closeloop/sdk/schemas';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIdentityServer } from './identity-server.js';
import { createWebhookReceiver } from './webhook-receiver.js';

let db: Db;
let runner: JobRunner;
let backend: Server | undefined;
let app: ReturnType<typeof createApp>;

beforeEach(async () => {
  db = await openSqliteDb({ file: ':memory:' });
  const project = await createProject(
    db.kysely,
    { name: 'Demo Shop', publicKey: 'pk_demo', secretKey: 'sk_demo', identitySecret: 'demo-identity-secret', allowedOrigins: ['*'] },
    new Date(),
  );
  await upsertSurvey(
    db.kysely,
    project.id,
    SurveyDefinition.parse({
      id: 'nps',
      name: 'NPS',
      questions: [
        { id: 'nps', type: 'nps', prompt: 'How likely are you to recommend us?' },
        { id: 'comment', type: 'text', prompt: 'Why?' },
      ],
      triggers: [{ type: 'exit-intent' }],
    }),
    new Date(),
  );
  // `closeloop demo` allows private targets: this backend listens on 127.0.0.1.
  app = createApp({ db, allowPrivateWebhooks: true });
  runner = createJobRunner({ db, definitions: jobDefinitions({ db, allowPrivateWebhooks: true, baseUrl: 'http://127.0.0.1:8787', now: () => new Date() }), pollMs: 60_000 });
  runner.start();
});

afterEach(async () => {
  await runner.stop();
  await new Promise<void>((resolve) => (backend ? backend.close(() => resolve()) : resolve()));
  backend = undefined;
  await db.destroy();
});

/** A free port of 127.0.0.1: the webhook is registered with its URL before the backend, which needs the secret, starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function startBackend(port: number, secret: string, log: (line: string) => void): Promise<void> {
  backend = createIdentityServer({ identitySecret: 'demo-identity-secret', userIdOf: () => 'demo-user-42', receiveWebhook: createWebhookReceiver({ secret, log }) });
  await new Promise<void>((resolve) => backend!.listen(port, '127.0.0.1', () => resolve()));
}

/** What the README tells people to run: `curl -X POST …/api/v1/webhooks`. */
async function registerWebhook(url: string): Promise<string> {
  const res = await app.request('/api/v1/webhooks', {
    method: 'POST',
    headers: { authorization: 'Bearer sk_demo', 'content-type': 'application/json' },
    body: JSON.stringify({ url, events: ['follow_up.opened'] }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { secret: string }).secret;
}

function answer(score: number, comment: string) {
  return app.request('/v1/responses', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://shop.example' },
    body: JSON.stringify({
      id: randomUUID(),
      project: 'pk_demo',
      surveyId: 'nps',
      answers: { nps: score, comment },
      respondent: { anonymousId: 'anon-1', userId: 'demo-user-42' },
      context: { url: 'https://shop.example/checkout' },
      answeredAt: new Date().toISOString(),
    }),
  });
}

describe('example backend: POST /webhooks/closeloop', () => {
  it("verifies Closeloop's signed webhook and logs the case in one readable line", async () => {
    const port = await freePort();
    const secret = await registerWebhook(`http://127.0.0.1:${port}/webhooks/closeloop`);
    const lines: string[] = [];
    await startBackend(port, secret, (line) => lines.push(line));

    const res = await answer(2, 'Checkout broke twice');
    const { followUpId } = (await res.json()) as { followUpId: string };
    await vi.waitFor(() => expect(lines).toHaveLength(1), { timeout: 3_000, interval: 10 });
    expect(lines[0]).toMatch(
      new RegExp(`^follow_up\\.opened case ${followUpId} · high · nps 2 · "Checkout broke twice" · demo-user-42 · due \\d{4}-\\d\\d-\\d\\dT`),
    );
  });

  it('refuses a delivery signed with another secret, logs why, and acts on nothing', async () => {
    const port = await freePort();
    await registerWebhook(`http://127.0.0.1:${port}/webhooks/closeloop`);
    const lines: string[] = [];
    // The backend was configured with the wrong secret: every delivery is refused (400) and retried by Closeloop.
    await startBackend(port, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', (line) => lines.push(line));

    await answer(1, 'Nope');
    await vi.waitFor(() => expect(lines).toHaveLength(1), { timeout: 3_000, interval: 10 });
    expect(lines[0]).toMatch(/^webhook refused \(invalid_signature\)/);
  });
});
