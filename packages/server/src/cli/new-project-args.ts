import { AllowedOrigin, AllowedOrigins, ProjectName } from '@closeloop/sdk/schemas';
import type { NewProjectInput } from '../projects/provision-project.js';
import { CliUsageError } from './cli-usage-error.js';

/** The parseArgs options of `init` and `projects create`. */
export const NEW_PROJECT_OPTIONS = { name: { type: 'string' }, origin: { type: 'string', multiple: true } } as const;

/**
 * `--name` and each `--origin`, checked with the API's own schemas. Without `--origin` the widget may run on any
 * page (`*`, as the demo does); without `--name` the project is named after its first origin's host.
 */
export function newProjectArgs(values: { name?: string | undefined; origin?: string[] | undefined }): NewProjectInput {
  const origins = (values.origin ?? []).map((origin) => {
    const parsed = AllowedOrigin.safeParse(origin);
    if (!parsed.success) throw new CliUsageError(`--origin ${parsed.error.issues[0]?.message ?? 'is not valid'}, got "${origin}"`);
    return parsed.data;
  });
  const allowedOrigins = origins.length === 0 ? ['*'] : origins;
  const list = AllowedOrigins.safeParse(allowedOrigins);
  if (!list.success) throw new CliUsageError(`--origin ${list.error.issues[0]?.message ?? 'is not valid'}`);
  const firstHost = origins.find((o) => o !== '*');
  const name = ProjectName.safeParse(values.name ?? (firstHost === undefined ? 'My project' : new URL(firstHost).hostname));
  if (!name.success) throw new CliUsageError(`--name ${name.error.issues[0]?.message ?? 'is not valid'}`);
  return { name: name.data, allowedOrigins: list.data };
}
