import { listProjects } from '../repos/projects.js';
import { provisionProject } from '../projects/provision-project.js';
import type { CommandContext } from './command-context.js';
import { CliUsageError } from './cli-usage-error.js';
import { NEW_PROJECT_OPTIONS, newProjectArgs } from './new-project-args.js';
import { withDb } from './open-db.js';
import { parseFlags } from './parse-flags.js';
import { printNewProject } from './print-new-project.js';
import { LINK_OPTIONS, storeConfig } from './store-config.js';

/** `closeloop projects list|create`: the projects (companies, shops) this server holds. */
export async function projectsCommand(argv: string[], context: CommandContext): Promise<void> {
  const { values, positionals } = parseFlags(argv, { ...NEW_PROJECT_OPTIONS, ...LINK_OPTIONS });
  const [action, ...extra] = positionals;
  if (action === undefined) throw new CliUsageError('missing projects command: list or create');
  if (action !== 'list' && action !== 'create') throw new CliUsageError(`unknown projects command "${action}": use list or create`);
  if (extra.length > 0) throw new CliUsageError(`unexpected argument "${extra[0]}"`);
  if (action === 'list') {
    for (const flag of ['name', 'origin', 'public-url'] as const) {
      if (values[flag] !== undefined) throw new CliUsageError(`--${flag} only applies to closeloop projects create`);
    }
  }
  const input = action === 'create' ? newProjectArgs(values) : null;
  const config = storeConfig(values, context);
  await withDb(config, context.cwd, async ({ db, location }) => {
    if (input !== null) return printNewProject(await provisionProject(db, input, new Date()), config, location, context.io.out);
    const projects = await listProjects(db.kysely);
    if (projects.length === 0) return context.io.out('No projects yet: create one with `closeloop init`.');
    for (const p of projects) context.io.out(`${p.publicKey.padEnd(20)} ${p.name.padEnd(24)} ${p.allowedOrigins.join(',').padEnd(32)} created ${p.createdAt}`);
  });
}
