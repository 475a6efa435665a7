import { describe, expect, it } from 'vitest';
import { storeOutageOf } from './store-unavailable.js';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('storeOutageOf: an outage is a 503, anything else stays a bug', () => {
  it('reads the PostgreSQL codes and messages of a server that is gone', () => {
    expect(storeOutageOf(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'), 'postgres')).toEqual({ database: 'PostgreSQL', reason: 'the server cannot be reached (ECONNREFUSED)' });
    expect(storeOutageOf(withCode('terminating connection due to administrator command', '57P01'), 'postgres')?.reason).toBe('the server is shutting down');
    expect(storeOutageOf(new Error('Connection terminated unexpectedly'), 'postgres')?.reason).toBe('the server does not answer');
    expect(storeOutageOf(new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')]), 'postgres')?.database).toBe('PostgreSQL');
  });

  it('leaves a refused webhook (fetch failed, ECONNREFUSED as its cause) and query errors to the 500 path', () => {
    const fetchFailed = new TypeError('fetch failed', { cause: withCode('connect ECONNREFUSED 10.0.0.1:80', 'ECONNREFUSED') });
    expect(storeOutageOf(fetchFailed, 'postgres')).toBeNull();
    expect(storeOutageOf(withCode('duplicate key value violates unique constraint', '23505'), 'postgres')).toBeNull();
    expect(storeOutageOf(withCode('UNIQUE constraint failed: responses.id', 'SQLITE_CONSTRAINT_PRIMARYKEY'), 'sqlite')).toBeNull();
  });

  it('reads SQLite result codes only on SQLite, extended codes included', () => {
    expect(storeOutageOf(withCode('attempt to write a readonly database', 'SQLITE_READONLY_DBMOVED'), 'sqlite')?.reason).toBe('the database file is read-only');
    expect(storeOutageOf(withCode('database or disk is full', 'SQLITE_FULL'), 'postgres')).toBeNull();
  });
});
