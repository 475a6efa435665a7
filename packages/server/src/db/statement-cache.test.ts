import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withStatementCache } from './statement-cache.js';

describe('withStatementCache', () => {
  const database = new Sqlite(':memory:');
  afterEach(() => vi.restoreAllMocks());

  it('prepares each distinct SQL once and reuses it, with fresh parameters each time', async () => {
    const prepare = vi.spyOn(database, 'prepare');
    const db = new Kysely<{ item: { id: number; name: string } }>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
    await sql`create table item (id integer primary key, name text not null)`.execute(db);
    for (const [id, name] of [[1, 'a'], [2, 'b'], [3, 'c']] as const) await db.insertInto('item').values({ id, name }).execute();
    const names = [];
    for (const id of [1, 2, 3]) names.push((await db.selectFrom('item').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name);
    expect(names).toEqual(['a', 'b', 'c']);
    // create + insert + select; transactions' begin/commit would be cached the same way.
    expect(prepare).toHaveBeenCalledTimes(3);
    await db.destroy();
    expect(database.open).toBe(false);
  });

  it('keeps at most `limit` statements, dropping the least recently used', () => {
    const db = new Sqlite(':memory:');
    const prepare = vi.spyOn(db, 'prepare');
    const cached = withStatementCache(db, 2);
    cached.prepare('select 1');
    cached.prepare('select 2');
    cached.prepare('select 1'); // a hit: 'select 2' is now the least recently used
    cached.prepare('select 3'); // evicts 'select 2'
    cached.prepare('select 1');
    expect(prepare.mock.calls.map(([text]) => text)).toEqual(['select 1', 'select 2', 'select 3']);
    cached.prepare('select 2');
    expect(prepare).toHaveBeenCalledTimes(4);
    cached.close();
  });

  it('sees a column added after the statement was first prepared (SQLite re-prepares on schema change)', async () => {
    const db = new Kysely<{ thing: { id: number; label?: string } }>({ dialect: new SqliteDialect({ database: withStatementCache(new Sqlite(':memory:')) }) });
    await sql`create table thing (id integer primary key)`.execute(db);
    await db.insertInto('thing').values({ id: 1 }).execute();
    expect(await db.selectFrom('thing').selectAll().execute()).toEqual([{ id: 1 }]);
    await sql`alter table thing add column label text default 'x'`.execute(db);
    expect(await db.selectFrom('thing').selectAll().execute()).toEqual([{ id: 1, label: 'x' }]);
    await db.destroy();
  });
});
