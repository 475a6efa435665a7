import type { CommandContext } from './command-context.js';
import { CliUsageError } from './cli-usage-error.js';
import { withDb } from './open-db.js';
import { parseFlags } from './parse-flags.js';
import { STORE_OPTIONS, storeConfig } from './store-config.js';

/**
 * `closeloop migrate`: brings the configured database's schema up to date and exits, for deploys that migrate in a
 * step of their own before starting the new servers. Prints each migration it ran.
 */
export async function migrateCommand(argv: string[], context: CommandContext): Promise<void> {
  const { values, positionals } = parseFlags(argv, STORE_OPTIONS);
  if (positionals.length > 0) throw new CliUsageError(`unexpected argument "${positionals[0]}"`);
  const config = storeConfig(values, context);
  await withDb(config, context.cwd, async ({ db, location }) => {
    const ran = db.migrationsRun;
    if (ran.length === 0) return context.io.out(`${location} is up to date: no migration to run.`);
    context.io.out(`Migrated ${location}: ran ${ran.length} migration${ran.length === 1 ? '' : 's'}`);
    for (const name of ran) context.io.out(`  ${name}`);
  });
}
