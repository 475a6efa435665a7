import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { verifyPassword } from '../console-auth/password.js';
import { openSqliteDb } from '../db/sqlite.js';
import { insertMember } from '../repos/members.js';
import { NOW, seedProject } from '../testing/fixtures.js';
import { makeTempDir } from '../testing/temp-dir.js';
import { testDialects, useTestDb } from '../testing/test-dbs.js';
import { CliUsageError } from './cli-usage-error.js';
import { run } from './run.js';
import { runUsers, UsersCommandError } from './users.js';
import type { UsersIo } from './users.js';

/** A terminal that answers the prompts from a list, and records what is printed. */
function fakeIo(interactive: boolean, answers: string[] = []) {
  const lines: string[] = [];
  const prompts: string[] = [];
  const io: UsersIo = {
    interactive,
    promptHidden: async (question) => {
      prompts.push(question);
      return answers.shift() ?? '';
    },
    out: (line) => void lines.push(line),
  };
  return { io, lines, prompts };
}

const storedHash = async (db: ReturnType<typeof useTestDb>['db'], email: string) =>
  (await db.kysely.selectFrom('members').select('password_hash').where('email', '=', email).executeTakeFirstOrThrow()).password_hash ?? '';

describe.each(testDialects)('closeloop users on $name', ({ open }) => {
  const t = useTestDb(open);

  it('adds a login with the password typed twice on a terminal, never echoed or printed, and lists it', async () => {
    await seedProject(t.db);
    const { io, lines, prompts } = fakeIo(true, ['a long secret', 'a long secret']);
    await runUsers(t.db, { action: 'add', email: 'ana@shop.example', role: 'admin', name: 'Ana', project: undefined, store: {} }, io, NOW);
    expect(prompts).toHaveLength(2);
    expect(lines).toEqual(['Added ana@shop.example (admin) a console login on pk_shop (shop).']);
    expect(await verifyPassword('a long secret', await storedHash(t.db, 'ana@shop.example'))).toBe(true);

    const listed = fakeIo(false);
    await runUsers(t.db, { action: 'list', store: {} }, listed.io, NOW);
    expect(listed.lines).toHaveLength(1);
    expect(listed.lines[0]).toMatch(/^ana@shop\.example\s+admin\s+pk_shop\s+Ana$/);
  });

  it('without a terminal, generates a password and prints it once; an existing member gets the login and keeps their id', async () => {
    const { project } = await seedProject(t.db);
    const bo = await insertMember(t.db.kysely, project.id, { name: 'Bo', email: 'bo@shop.example', role: 'agent', away: false }, NOW);
    const { io, lines } = fakeIo(false);
    await runUsers(t.db, { action: 'add', email: 'bo@shop.example', role: 'viewer', name: undefined, project: 'pk_shop', store: {} }, io, NOW);
    expect(lines[0]).toBe('Gave the existing member bo@shop.example (viewer) a console login on pk_shop (shop).');
    const password = /^Password \(shown once, not stored in clear\): (\S{20})$/.exec(lines[1] ?? '')?.[1] ?? '';
    expect(password).not.toBe('');
    expect(await verifyPassword(password, await storedHash(t.db, 'bo@shop.example'))).toBe(true);
    const row = await t.db.kysely.selectFrom('members').select(['id', 'role']).where('email', '=', 'bo@shop.example').executeTakeFirstOrThrow();
    expect(row).toEqual({ id: bo?.id, role: 'viewer' });
  });

  it('refuses an email that signs in already, here or on another project, and differing passwords', async () => {
    await seedProject(t.db);
    await seedProject(t.db, 'other');
    await runUsers(t.db, { action: 'add', email: 'ana@shop.example', role: 'admin', name: undefined, project: 'pk_shop', store: {} }, fakeIo(false).io, NOW);
    for (const project of ['pk_shop', 'pk_other']) {
      await expect(runUsers(t.db, { action: 'add', email: 'ana@shop.example', role: 'agent', name: undefined, project, store: {} }, fakeIo(false).io, NOW)).rejects.toThrow(
        new UsersCommandError(`ana@shop.example already signs in (${project === 'pk_shop' ? 'project pk_shop' : 'another project of this server'}): one email, one console login`),
      );
    }
    await expect(runUsers(t.db, { action: 'add', email: 'cy@shop.example', role: 'agent', name: undefined, project: 'pk_shop', store: {} }, fakeIo(true, ['first secret!', 'other secret']).io, NOW)).rejects.toThrow(/passwords differ/);
    await expect(runUsers(t.db, { action: 'add', email: 'cy@shop.example', role: 'agent', name: undefined, project: 'pk_shop', store: {} }, fakeIo(true, ['short', 'short']).io, NOW)).rejects.toThrow(/at least|10 to 200/);
    // Two projects: which one must be said.
    await expect(runUsers(t.db, { action: 'add', email: 'cy@shop.example', role: 'agent', name: undefined, project: undefined, store: {} }, fakeIo(false).io, NOW)).rejects.toThrow(CliUsageError);
    await expect(runUsers(t.db, { action: 'add', email: 'cy@shop.example', role: 'agent', name: undefined, project: 'pk_nope', store: {} }, fakeIo(false).io, NOW)).rejects.toThrow(/--project pk_nope/);
  });
});

describe('closeloop users through the command line', () => {
  const dir = makeTempDir({});
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('exits 2 naming the flag for a wrong command line or a missing project, and adds then lists on the SQLite file', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
    await run(['users', 'add', '--email', 'ana@shop.example', '--role', 'owner', '--data', dir], {}, fakeIo(false).io);
    expect(process.exitCode).toBe(2);
    expect(errors[0]).toMatch(/^closeloop: --role must be admin, agent or viewer, got "owner"/);

    process.exitCode = undefined;
    await run(['users', 'add', '--email', 'ana@shop.example', '--role', 'admin', '--data', dir], {}, fakeIo(false).io);
    expect(process.exitCode).toBe(2);
    expect(errors[1]).toMatch(/^closeloop: no project yet/);

    process.exitCode = undefined;
    const db = await openSqliteDb({ file: join(dir, 'closeloop.sqlite') });
    await seedProject(db);
    await db.destroy();
    const added = fakeIo(false);
    await run(['users', 'add', '--email', 'ana@shop.example', '--role', 'admin', '--data', dir], {}, added.io);
    expect(process.exitCode).toBeUndefined();
    expect(added.lines[1]).toMatch(/^Password \(shown once, not stored in clear\): \S{20}$/);
    const listed = fakeIo(false);
    await run(['users', 'list', '--data', dir], {}, listed.io);
    expect(listed.lines).toEqual([expect.stringMatching(/^ana@shop\.example\s+admin\s+pk_shop\s+ana$/)]);
  });
});
