import type { CommandContext } from './command-context.js';
import { withDb } from './open-db.js';
import { parseUsersArgs } from './parse-users-args.js';
import { storeConfig } from './store-config.js';
import { runUsers } from './users.js';

/** `closeloop users add|list`: console logins, on the database `serve` would open. */
export async function usersCommand(argv: string[], context: CommandContext): Promise<void> {
  const args = parseUsersArgs(argv);
  const config = storeConfig(args.store, context);
  await withDb(config, context.cwd, ({ db }) => runUsers(db, args, context.io, new Date()));
}
