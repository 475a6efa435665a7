import { MemberRole, ProjectKey } from '@closeloop/sdk/schemas';
import { z } from 'zod';
import { CliUsageError } from './cli-usage-error.js';
import { parseFlags } from './parse-flags.js';
import { STORE_OPTIONS } from './store-config.js';

/** `store`: the parsed `--data` and `--config`, for storeConfig. */
export type UsersArgs =
  | { action: 'add'; email: string; role: MemberRole; name: string | undefined; project: string | undefined; store: Record<string, unknown> }
  | { action: 'list'; store: Record<string, unknown> };

const Email = z.email().max(254);

/** `closeloop users add|list …` (the words after `users`), checked: a wrong flag or value is a {@link CliUsageError} naming it. */
export function parseUsersArgs(argv: string[]): UsersArgs {
  const { values, positionals } = parseFlags(argv, {
    email: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    project: { type: 'string' },
    ...STORE_OPTIONS,
  });
  const [action, ...extra] = positionals;
  if (action === undefined) throw new CliUsageError('missing users command: add or list');
  if (action !== 'add' && action !== 'list') throw new CliUsageError(`unknown users command "${action}": use add or list`);
  if (extra.length > 0) throw new CliUsageError(`unexpected argument "${extra[0]}"`);
  const store = { data: values.data, config: values.config };

  if (action === 'list') {
    for (const flag of ['email', 'role', 'name', 'project'] as const) {
      if (values[flag] !== undefined) throw new CliUsageError(`--${flag} only applies to closeloop users add`);
    }
    return { action, store };
  }

  if (values.email === undefined) throw new CliUsageError('--email is required: the address the user signs in with');
  if (!Email.safeParse(values.email).success) throw new CliUsageError(`--email must be an email address, got "${values.email}"`);
  if (values.role === undefined) throw new CliUsageError('--role is required: admin, agent or viewer');
  const role = MemberRole.safeParse(values.role);
  if (!role.success) throw new CliUsageError(`--role must be admin, agent or viewer, got "${values.role}"`);
  const name = values.name?.trim();
  if (name !== undefined && (name === '' || name.length > 100)) throw new CliUsageError('--name must be 1 to 100 characters');
  if (values.project !== undefined && !ProjectKey.safeParse(values.project).success) {
    throw new CliUsageError(`--project must be a project's public key such as pk_demo, got "${values.project}"`);
  }
  return { action, email: values.email.toLowerCase(), role: role.data, name, project: values.project, store };
}
