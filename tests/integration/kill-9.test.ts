// `kill -9` of the real `closeloop demo` process in the middle of a load of answers, then a restart on the same data:
// every acknowledged answer is stored, every acknowledged detractor has its case and its escalation job, and clients
// that send the unacknowledged rest again get each stored exactly once. On SQLite (the file survives the process) and,
// with CLOSELOOP_TEST_DATABASE_URL set, on PostgreSQL (only the server is killed; the database keeps running).
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresDb, openSqliteDb } from '@closeloop/server';
import type { Db } from '@closeloop/server';
import { afterEach, describe, expect, it } from 'vitest';
import { startCli } from './cli-process.js';
import { adminQuery } from './postgres-admin.js';
import type { Cli } from './cli-process.js';

const CLIENTS = 16;

function answer(score: number) {
  return { id: randomUUID(), project: 'pk_demo', surveyId: 'nps', answers: { nps: score }, respondent: { anonymousId: `load-${score}` }, context: { url: 'https://shop.example/' }, answeredAt: new Date().toISOString() };
}

type Answer = ReturnType<typeof answer>;

function send(origin: string, body: Answer): Promise<Response> {
  return fetch(`${origin}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** Where the killed server keeps its data: what the CLI is told, and how the test reads it afterwards. */
interface Store {
  databaseUrl: string;
  open(dataDir: string): Promise<Db>;
  cleanup(): Promise<void>;
}

const pgUrl = process.env['CLOSELOOP_TEST_DATABASE_URL'];

const stores: { name: string; create(): Promise<Store> }[] = [
  { name: 'SQLite', create: async () => ({ databaseUrl: '', open: (dataDir) => openSqliteDb({ file: join(dataDir, 'closeloop.sqlite') }), cleanup: async () => {} }) },
  ...(pgUrl
    ? [
        {
          name: 'PostgreSQL',
          // A database of its own, as a fresh deployment has: the demo migrates and seeds it on its first start.
          create: async (): Promise<Store> => {
            const name = `closeloop_kill9_${randomBytes(6).toString('hex')}`;
            await adminQuery(pgUrl, `create database ${name}`);
            const url = new URL(pgUrl);
            url.pathname = `/${name}`;
            return { databaseUrl: url.toString(), open: () => openPostgresDb({ connectionString: url.toString(), max: 2 }), cleanup: () => adminQuery(pgUrl, `drop database ${name} with (force)`) };
          },
        },
      ]
    : []),
];

describe.each(stores)('closeloop on $name killed with SIGKILL under load', ({ create }) => {
  let dataDir: string;
  let store: Store;
  const running: Cli[] = [];
  afterEach(async () => {
    for (const cli of running) if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGKILL');
    await Promise.all(running.map((cli) => cli.exited));
    running.length = 0;
    await store.cleanup();
    await rm(dataDir, { recursive: true, force: true });
  });

  // Two minutes: on PostgreSQL the demo first creates, migrates and seeds a database of its own, twice as slow on a busy machine.
  it('loses no acknowledged answer, case or job, and retried answers are stored once', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'closeloop-kill9-'));
    store = await create();
    const first = await startCli(dataDir, 0, store.databaseUrl);
    running.push(first);
    const acknowledged: Answer[] = [];
    const unacknowledged: Answer[] = [];
    let killed = false;
    // Each client sends answers one after another until the server dies under it; scores cycle 0–10.
    const client = async (n: number) => {
      for (let i = 0; !killed || i === 0; i += 1) {
        const body = answer((n + i) % 11);
        try {
          const res = await send(first.origin, body);
          (res.status === 201 ? acknowledged : unacknowledged).push(body);
        } catch {
          unacknowledged.push(body);
          return;
        }
      }
    };
    const clients = Array.from({ length: CLIENTS }, (_, n) => client(n));
    while (acknowledged.length < 200) await new Promise((resolve) => setTimeout(resolve, 10));
    first.child.kill('SIGKILL');
    killed = true;
    await Promise.all(clients);
    await first.exited;

    const second = await startCli(dataDir, Number(new URL(first.origin).port), store.databaseUrl);
    running.push(second);
    const db = await store.open(dataDir);
    try {
      const storedIds = new Set((await db.kysely.selectFrom('responses').select('id').execute()).map((r) => r.id));
      expect(acknowledged.filter((a) => !storedIds.has(a.id))).toEqual([]);
      const detractors = acknowledged.filter((a) => a.answers.nps <= 6);
      const cases = await db.kysely.selectFrom('follow_ups').select(['id', 'response_id']).where('response_id', 'in', detractors.map((d) => d.id)).execute();
      expect(cases.length).toBe(detractors.length);
      const jobKeys = new Set((await db.kysely.selectFrom('jobs').select('key').execute()).map((j) => j.key.split(':overdue:')[0]));
      expect(cases.filter((c) => !jobKeys.has(`case:${c.id}`))).toEqual([]);

      // Clients whose answer got no reply send it again: each is stored once, however many times it arrives.
      for (const body of unacknowledged) expect([200, 201]).toContain((await send(second.origin, body)).status);
      for (const body of unacknowledged.slice(0, 5)) expect((await send(second.origin, body)).status).toBe(200);
      const all = [...acknowledged, ...unacknowledged].map((a) => a.id);
      const rows = await db.kysely.selectFrom('responses').select(({ fn }) => fn.countAll<number>().as('n')).where('id', 'in', all).executeTakeFirstOrThrow();
      expect(Number(rows.n)).toBe(all.length);
      console.log(`kill -9 (${store.databaseUrl === '' ? 'SQLite' : 'PostgreSQL'}): ${acknowledged.length} acknowledged (${detractors.length} detractors), ${unacknowledged.length} resent after restart`);
    } finally {
      await db.destroy();
    }
  }, 120_000);
});
