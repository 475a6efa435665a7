/**
 * Telling "the database is down or cannot take writes" apart from a bug. Such an error is not the request's fault
 * and not ours: it gets a 503 with Retry-After (the widget keeps the answer in its outbox and sends it again), never
 * a 500. Anything not recognised here stays a 500, so a real bug is never hidden behind "try again later".
 */
import type { Dialect } from './db.js';

export interface StoreOutage {
  /** Which database, as an operator names it. */
  database: 'SQLite' | 'PostgreSQL';
  /** What is wrong, in a few words. */
  reason: string;
}

/** The database's name as an operator knows it. */
export function databaseName(dialect: Dialect): StoreOutage['database'] {
  return dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
}

// SQLite result codes (better-sqlite3 puts them in `code`, extended codes start with the primary one).
const SQLITE_OUTAGES: [prefix: string, reason: string][] = [
  ['SQLITE_READONLY', 'the database file is read-only'],
  ['SQLITE_FULL', 'the disk is full'],
  ['SQLITE_BUSY', 'the database file is locked by another process'],
  ['SQLITE_LOCKED', 'the database file is locked by another process'],
  ['SQLITE_IOERR', 'the database file cannot be read or written'],
  ['SQLITE_CANTOPEN', 'the database file cannot be opened'],
];

// Socket errors from the pg driver: the server is unreachable or dropped the connection.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

// PostgreSQL SQLSTATEs meaning "not now": connection exceptions (class 08), shutdown / recovery (57P0x), no room.
const PG_STATES: Record<string, string> = {
  '57P01': 'the server is shutting down',
  '57P02': 'the server crashed',
  '57P03': 'the server is starting up or in recovery',
  '53100': 'the disk is full',
  '53300': 'too many connections',
  '25006': 'the server is read-only',
};

// Messages of the pg driver and pool, which carry no code.
const PG_MESSAGES: RegExp[] = [/^Connection terminated/, /timeout exceeded when trying to connect/, /Client has encountered a connection error/, /^Cannot use a pool after calling end/];

/**
 * The outage behind `error` on a database of `dialect`, or null when it is something else. Only the error itself is
 * read, not its `cause` chain: the drivers throw their errors as they are, while a refused webhook's `fetch failed`
 * carries an ECONNREFUSED cause that is no database's fault.
 */
export function storeOutageOf(error: unknown, dialect: Dialect): StoreOutage | null {
  if (!(error instanceof Error)) return null;
  // Kysely's own words once the handle is destroyed, whatever the dialect (a request racing the shutdown).
  if (error.message === 'driver has already been destroyed') return { database: databaseName(dialect), reason: 'the database is closed' };
  return dialect === 'sqlite' ? sqliteOutageOf(error) : postgresOutageOf(error);
}

function sqliteOutageOf(e: Error): StoreOutage | null {
  const code = (e as { code?: unknown }).code;
  const known = typeof code === 'string' ? SQLITE_OUTAGES.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`)) : undefined;
  if (known) return { database: 'SQLite', reason: known[1] };
  // better-sqlite3 once the handle is closed.
  if (e.name === 'TypeError' && e.message === 'The database connection is not open') return { database: 'SQLite', reason: 'the database is closed' };
  return null;
}

function postgresOutageOf(e: Error): StoreOutage | null {
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return { database: 'PostgreSQL', reason: `the server cannot be reached (${code})` };
    if (code.startsWith('08')) return { database: 'PostgreSQL', reason: `the connection failed (SQLSTATE ${code})` };
    const state = PG_STATES[code];
    if (state) return { database: 'PostgreSQL', reason: state };
  }
  if (PG_MESSAGES.some((pattern) => pattern.test(e.message))) return { database: 'PostgreSQL', reason: 'the server does not answer' };
  // pg connecting to every address of a host name (::1 and 127.0.0.1) reports all refusals at once.
  if (e instanceof AggregateError) return e.errors.map((inner: unknown) => (inner instanceof Error ? postgresOutageOf(inner) : null)).find((outage) => outage !== null) ?? null;
  return null;
}

/** Seconds a client should wait before sending again: long enough for a restart, short enough not to pile up. */
export const STORE_RETRY_AFTER_SECONDS = 5;
