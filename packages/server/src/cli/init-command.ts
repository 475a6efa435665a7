import { listProjects } from '../repos/projects.js';
import { provisionProject } from '../projects/provision-project.js';
import type { CommandContext } from './command-context.js';
import { CliUsageError } from './cli-usage-error.js';
import { CommandError } from './command-error.js';
import { NEW_PROJECT_OPTIONS, newProjectArgs } from './new-project-args.js';
import { withDb } from './open-db.js';
import { parseFlags } from './parse-flags.js';
import { printNewProject } from './print-new-project.js';
import { LINK_OPTIONS, storeConfig } from './store-config.js';

/**
 * `closeloop init`: migrates the configured database and creates its first project. Refused once the database has a
 * project, so running it twice (a deploy script, a second shell) never makes a second company by mistake: use
 * `closeloop projects create` for more.
 */
export async function initCommand(argv: string[], context: CommandContext): Promise<void> {
  const { values, positionals } = parseFlags(argv, { ...NEW_PROJECT_OPTIONS, ...LINK_OPTIONS });
  if (positionals.length > 0) throw new CliUsageError(`unexpected argument "${positionals[0]}"`);
  const input = newProjectArgs(values);
  const config = storeConfig(values, context);
  await withDb(config, context.cwd, async ({ db, location }) => {
    const existing = await listProjects(db.kysely);
    if (existing.length > 0) {
      throw new CommandError(`${location} has ${existing.length} project${existing.length === 1 ? '' : 's'} already (${existing.map((p) => p.publicKey).join(', ')}): see \`closeloop projects list\`, or add one with \`closeloop projects create\``);
    }
    if (db.migrationsRun.length > 0) context.io.out(`Migrated ${location} (${db.migrationsRun.length} migrations).`);
    printNewProject(await provisionProject(db, input, new Date()), config, location, context.io.out);
  });
}
