import { sql } from 'kysely';
import type { Db } from './db.js';
import { databaseName, storeOutageOf } from './store-unavailable.js';
import type { StoreOutage } from './store-unavailable.js';

/**
 * Whether the database can take writes now, or what keeps it from doing so. A `select 1` is not enough: a
 * read-only SQLite file or a PostgreSQL standby answers reads while every answer sent to it fails. Nothing is written
 * (a write statement that touches no row, and settings read back), so it is cheap enough to poll every second.
 */
export async function databaseHealth(db: Db): Promise<StoreOutage | null> {
  try {
    return db.dialect === 'sqlite' ? await sqliteHealth(db) : await postgresHealth(db);
  } catch (cause) {
    return storeOutageOf(cause, db.dialect) ?? { database: databaseName(db.dialect), reason: 'it does not answer' };
  }
}

async function sqliteHealth({ kysely }: Db): Promise<StoreOutage | null> {
  // A write statement opens a write transaction before it looks at any row: SQLite refuses it with SQLITE_READONLY
  // on a read-only file or connection, and with SQLITE_BUSY while another process holds the write lock, exactly as
  // it would refuse an answer. Matching no row, it writes nothing.
  await sql`update jobs set status = status where 0`.execute(kysely);
  // The file may grow no further (max_page_count, SQLite's own ceiling) and has no free page left inside: the next
  // answer fails with SQLITE_FULL.
  const { rows } = await sql<{ pages: number; most: number; free: number }>`select (select page_count from pragma_page_count) as pages, (select max_page_count from pragma_max_page_count) as most, (select freelist_count from pragma_freelist_count) as free`.execute(kysely);
  const { pages, most, free } = rows[0]!;
  if (pages >= most && free === 0) return { database: 'SQLite', reason: 'the disk is full' };
  return null;
}

async function postgresHealth({ kysely }: Db): Promise<StoreOutage | null> {
  // A standby, or a server put read-only (default_transaction_read_only), refuses every write with SQLSTATE 25006.
  const { rows } = await sql<{ readOnly: string }>`select current_setting('transaction_read_only') as "readOnly"`.execute(kysely);
  if (rows[0]?.readOnly === 'on') return { database: 'PostgreSQL', reason: 'the server is read-only' };
  return null;
}
