import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedProject } from '../testing/fixtures.js';
import { openSqliteDb } from './sqlite.js';
import { findProjectByPublicKey } from '../repos/projects.js';

describe('openSqliteDb', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'closeloop-sqlite-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the data folder, migrates once, and keeps data across reopenings', async () => {
    const file = join(dir, 'nested', 'closeloop.sqlite');
    const first = await openSqliteDb({ file });
    await seedProject(first);
    await first.destroy();
    const second = await openSqliteDb({ file });
    expect(await findProjectByPublicKey(second.kysely, 'pk_shop')).not.toBeNull();
    await second.destroy();
  });

  it('runs in WAL mode so readers never wait on the writer', async () => {
    const db = await openSqliteDb({ file: join(dir, 'wal.sqlite') });
    await db.destroy();
    expect(readFileSync(join(dir, 'wal.sqlite')).subarray(18, 20)).toEqual(Buffer.from([2, 2]));
  });

});
