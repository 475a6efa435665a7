import { join, resolve } from 'node:path';
import { createPostgresStore } from '../store/postgres.js';
import { createSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';

export interface OpenedStore {
  store: Store;
  /** Where the data lives, for the start-up banner (the PostgreSQL password is masked). */
  location: string;
}

/** PostgreSQL when `DATABASE_URL` is set, otherwise SQLite in `<dataDir>/closeloop.sqlite`. Migrated. */
export async function openStore(env: NodeJS.ProcessEnv, dataDir: string): Promise<OpenedStore> {
  const url = env['DATABASE_URL'];
  if (url !== undefined && url !== '') {
    return { store: await createPostgresStore({ connectionString: url }), location: `postgres ${maskPassword(url)}` };
  }
  const file = resolve(join(dataDir, 'closeloop.sqlite'));
  return { store: await createSqliteStore({ file }), location: `sqlite ${file}` };
}

function maskPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(DATABASE_URL)';
  }
}
