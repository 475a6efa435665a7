// The real CLI (`node packages/server/bin/closeloop.js`, the built server: `pnpm build` first) run as a child process
// on a temp folder: SQLite always, and PostgreSQL (a schema of its own) when CLOSELOOP_TEST_DATABASE_URL is set.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/db.js';
import { openPostgresDb } from '../db/postgres.js';
import { openSqliteDb } from '../db/sqlite.js';
import { findProjectBySecretKey, listProjects } from '../repos/projects.js';
import { makeTempDir } from '../testing/temp-dir.js';
import { adminQuery } from '../testing/test-dbs.js';

const bin = fileURLToPath(new URL('../../bin/closeloop.js', import.meta.url));
const pgUrl = process.env['CLOSELOOP_TEST_DATABASE_URL'];

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `closeloop …args` in `cwd` with only `env` (and PATH) set, to its end. */
function closeloop(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Store {
  /** The environment that points the CLI at it. */
  env: Record<string, string>;
  open(): Promise<Db>;
  cleanup(): Promise<void>;
}

const stores: { name: string; create(dir: string): Promise<Store> }[] = [
  { name: 'SQLite', create: async (dir) => ({ env: { CLOSELOOP_DATA_DIR: join(dir, 'data') }, open: () => openSqliteDb({ file: join(dir, 'data', 'closeloop.sqlite') }), cleanup: async () => {} }) },
  ...(pgUrl
    ? [
        {
          name: 'PostgreSQL',
          // A schema of its own, named to the server through the connection's search_path, as a deployment may.
          create: async (): Promise<Store> => {
            const schema = `closeloop_cli_${randomBytes(6).toString('hex')}`;
            await adminQuery(pgUrl, `create schema ${schema}`);
            const url = new URL(pgUrl);
            url.searchParams.set('options', `-c search_path=${schema}`);
            return { env: { DATABASE_URL: url.toString() }, open: () => openPostgresDb({ connectionString: pgUrl, schema, max: 2 }), cleanup: () => adminQuery(pgUrl, `drop schema ${schema} cascade`) };
          },
        },
      ]
    : []),
];

/** The value printed after `label:` on its own line. */
function printed(output: string, label: string): string {
  const value = new RegExp(`^\\s*${label}:\\s+(\\S+)`, 'm').exec(output)?.[1];
  if (value === undefined) throw new Error(`no "${label}:" in:\n${output}`);
  return value;
}

// Each run starts a Node process (about a second on a busy machine); a test runs up to a dozen.
describe.each(stores)('closeloop init, projects, keys and migrate on $name', { timeout: 60_000 }, ({ create }) => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = makeTempDir({});
    store = await create(dir);
  });
  afterEach(async () => {
    await store.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrates and says which migrations ran, then that none are left', async () => {
    const first = await closeloop(['migrate'], dir, store.env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Migrated (sqlite|postgres) .*: ran \d+ migrations\n {2}0001_initial\n/);
    const second = await closeloop(['migrate'], dir, store.env);
    expect(second).toMatchObject({ code: 0, stdout: expect.stringMatching(/is up to date: no migration to run\.\n$/) });
  });

  it('init creates the first project with working keys (the secret stored hashed) and prints the script tag; only once', async () => {
    const init = await closeloop(['init', '--name', 'Shop', '--origin', 'https://shop.example', '--origin', 'https://www.shop.example', '--public-url', 'https://feedback.example.com/'], dir, store.env);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    const publicKey = printed(init.stdout, 'Public key');
    const secretKey = printed(init.stdout, 'Secret key');
    const identitySecret = printed(init.stdout, 'Identity secret');
    expect(publicKey).toMatch(/^pk_[A-Za-z0-9_-]{16}$/);
    expect(secretKey).toMatch(/^sk_live_[A-Za-z0-9_-]{43}$/);
    expect(init.stdout).toContain(`  <script async src="https://feedback.example.com/closeloop.js" data-project="${publicKey}"></script>\n`);

    const db = await store.open();
    try {
      const project = await findProjectBySecretKey(db.kysely, secretKey);
      expect(project).toMatchObject({ name: 'Shop', publicKey, identitySecret, allowedOrigins: ['https://shop.example', 'https://www.shop.example'] });
      const keyRows = await db.kysely.selectFrom('project_keys').select(['key_hash', 'label']).execute();
      expect(keyRows).toEqual([{ key_hash: expect.not.stringContaining(secretKey.slice(8)), label: 'Default key' }]);
    } finally {
      await db.destroy();
    }

    const again = await closeloop(['init'], dir, store.env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(new RegExp(`^closeloop: .* has 1 project already \\(${publicKey}\\)`));
  });

  it('projects create and list; keys create, list and revoke by prefix, as the management API does', async () => {
    const shop = printed((await closeloop(['init', '--name', 'Shop'], dir, store.env)).stdout, 'Public key');
    const other = await closeloop(['projects', 'create', '--name', 'Other shop', '--origin', 'https://other.example'], dir, store.env);
    expect(other.code).toBe(0);
    const otherKey = printed(other.stdout, 'Public key');
    const list = await closeloop(['projects', 'list'], dir, store.env);
    expect(list.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^${shop}\\s+Shop\\s+\\*\\s+created `)),
      expect.stringMatching(new RegExp(`^${otherKey}\\s+Other shop\\s+https://other\\.example\\s+created `)),
    ]);

    // Two projects: which one must be said.
    const ambiguous = await closeloop(['keys', 'list'], dir, store.env);
    expect(ambiguous).toMatchObject({ code: 2, stderr: expect.stringMatching(/^closeloop: --project is required: this server has 2 projects/) });

    const created = await closeloop(['keys', 'create', '--project', shop, '--label', 'Billing backend'], dir, store.env);
    expect(created.code).toBe(0);
    const secret = /^Secret key \(shown once, stored hashed\): (sk_live_\S+)$/m.exec(created.stdout)?.[1] ?? '';
    const listed = await closeloop(['keys', 'list', '--project', shop], dir, store.env);
    const billing = listed.stdout.split('\n').find((line) => line.includes('Billing backend')) ?? '';
    expect(billing).toMatch(/ live$/);
    const prefix = /^\S+\s+(sk_live_\S+)…/.exec(billing)?.[1] ?? '';
    expect(secret.startsWith(prefix)).toBe(true);
    expect(listed.stdout).not.toContain(secret);

    const db = await store.open();
    try {
      expect((await findProjectBySecretKey(db.kysely, secret))?.publicKey).toBe(shop);
      const revoke = await closeloop(['keys', 'revoke', '--project', shop, '--key', prefix], dir, store.env);
      expect(revoke).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Revoked key sk_live_\S+… \("Billing backend", id [0-9a-f-]{36}\)/) });
      expect(await findProjectBySecretKey(db.kysely, secret)).toBeNull();
      expect(await listProjects(db.kysely)).toHaveLength(2);
    } finally {
      await db.destroy();
    }
    const twice = await closeloop(['keys', 'revoke', '--project', shop, '--key', prefix], dir, store.env);
    expect(twice).toMatchObject({ code: 1, stderr: expect.stringMatching(/^closeloop: key sk_live_\S+… \("Billing backend"\) was revoked already, at /) });
    const unknown = await closeloop(['keys', 'revoke', '--project', shop, '--key', '00000000-0000-4000-8000-000000000000'], dir, store.env);
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringMatching(/^closeloop: --key 00000000-0000-4000-8000-000000000000: the project has no key with this id/) });
  });
});

describe('the closeloop command line, refused or explained', { timeout: 30_000 }, () => {
  const dir = makeTempDir({});
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = { CLOSELOOP_DATA_DIR: join(dir, 'data') };

  it.each([
    ['serve', 'Usage: closeloop serve'],
    ['demo', 'Usage: closeloop serve'],
    ['init', 'Usage: closeloop init'],
    ['projects', 'Usage: closeloop projects list'],
    ['keys', 'Usage: closeloop keys list'],
    ['users', 'Usage: closeloop users add'],
    ['migrate', 'Usage: closeloop migrate'],
  ])('closeloop %s --help prints its usage and exits 0', async (command, usage) => {
    const ran = await closeloop([command, '--help'], dir, env);
    expect(ran).toMatchObject({ code: 0, stderr: '' });
    expect(ran.stdout.startsWith(usage)).toBe(true);
  });

  it.each([
    [['init', '--nmae', 'Shop'], /^closeloop: Unknown option '--nmae'\nRun `closeloop init --help` for usage\.\n$/],
    [['init', '--name'], /^closeloop: Option '--name <value>' argument missing/],
    [['init', '--origin', 'https://shop.example/path'], /^closeloop: --origin must be an origin such as https:\/\/shop\.example .*, got "https:\/\/shop\.example\/path"/],
    [['projects', 'delete'], /^closeloop: unknown projects command "delete": use list or create/],
    [['projects', 'list', '--name', 'x'], /^closeloop: --name only applies to closeloop projects create/],
    [['keys', 'create', '--project', 'pk_shop'], /^closeloop: --label is required/],
    [['keys', 'revoke', '--project', 'sk_live_x', '--key', 'x'], /^closeloop: --project must be a project's public key/],
    [['keys', 'list', '--label', 'x'], /^closeloop: --label only applies to closeloop keys create/],
    [['migrate', 'now'], /^closeloop: unexpected argument "now"/],
    [['migrate', '--data', ''], /^closeloop: --data must be a folder \(it holds closeloop\.sqlite\), got "" \(setting dataDir\)/],
    [['serve', '--rate-limit-key', 'lots'], /^closeloop: --rate-limit-key must be a whole number of requests per second from 0 \(off\) to 1000000, got "lots" \(setting rateLimit\.key\)\nRun `closeloop serve --help`/],
    [['start'], /^closeloop: unknown command "start": use serve, demo, init, projects, keys, users, migrate/],
  ])('closeloop %j exits 2 naming the problem', async (args, message) => {
    const ran = await closeloop(args, dir, env);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(message);
    expect(ran.stdout).toBe('');
  });

  it('serves with the settings of closeloop.config.json, a flag winning over the file', async () => {
    const data = join(dir, 'from-file');
    const cwd = makeTempDir({ 'closeloop.config.json': JSON.stringify({ port: 1, dataDir: data, rateLimit: { address: 0 } }) });
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], { cwd, env: { PATH: process.env['PATH'] ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let output = '';
      const banner = new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('Press Ctrl+C')) resolve(output);
        });
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.once('exit', (code) => reject(new Error(`closeloop serve exited (${code}):\n${output}`)));
      });
      const printed = await banner;
      expect(printed).toContain(`Data:      sqlite ${join(data, 'closeloop.sqlite')}`);
      const origin = /Server:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(printed)?.[1] ?? '';
      expect(origin).not.toMatch(/:1$/);
      expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    } finally {
      const exited = new Promise((resolve) => child.once('close', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('stops serve on a wrong setting in the environment or closeloop.config.json before opening anything, naming where it came from', async () => {
    const cwd = makeTempDir({ 'closeloop.config.json': JSON.stringify({ port: 8080, smtp: { host: 'mail.example', from: 'cases@shop.example', prot: 25 } }) });
    try {
      const unknownKey = await closeloop(['serve'], cwd, env);
      expect(unknownKey).toMatchObject({ code: 2, stderr: expect.stringContaining(`closeloop: ${join(cwd, 'closeloop.config.json')}: unknown setting "smtp.prot"`) });
      writeFileSync(join(cwd, 'closeloop.config.json'), '{ "port": 8080, }');
      const malformed = await closeloop(['migrate'], cwd, env);
      expect(malformed).toMatchObject({ code: 2, stderr: expect.stringContaining(`closeloop: ${join(cwd, 'closeloop.config.json')} is not valid JSON`) });
      writeFileSync(join(cwd, 'closeloop.config.json'), JSON.stringify({ trustProxy: 'two' }));
      const wrongValue = await closeloop(['serve', '--port', '0'], cwd, env);
      expect(wrongValue).toMatchObject({ code: 2, stderr: expect.stringContaining(`closeloop: ${join(cwd, 'closeloop.config.json')}: trustProxy must be the number of reverse proxies in front of the server, from 0 to 10, got "two"`) });
      // A wrong value in the file stops the server even when a flag overrides it; a right file, then a wrong variable.
      expect((await closeloop(['serve', '--port', '0', '--trust-proxy', '1'], cwd, env)).stderr).toContain('trustProxy must be');
      writeFileSync(join(cwd, 'closeloop.config.json'), JSON.stringify({ trustProxy: 2 }));
      const fromEnv = await closeloop(['serve', '--port', '0'], cwd, { ...env, CLOSELOOP_LOG_LEVEL: 'loud' });
      expect(fromEnv).toMatchObject({ code: 2, stderr: expect.stringMatching(/^closeloop: CLOSELOOP_LOG_LEVEL must be fatal, error, warn, info, debug, trace or silent, got "loud" \(setting logLevel, from the environment\)/) });
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
