import { resolveConfig } from '../config/resolve-config.js';
import type { ServerConfig } from '../config/resolve-config.js';
import { CliUsageError } from './cli-usage-error.js';
import type { CommandContext } from './command-context.js';
import { settingFlagValues } from './setting-flags.js';

/** The flags of commands that work on the database: where the data is, and the settings file. */
export const STORE_OPTIONS = { data: { type: 'string' }, config: { type: 'string' } } as const;
/** …and of those that print the script tag, which points at the public URL. */
export const LINK_OPTIONS = { ...STORE_OPTIONS, 'public-url': { type: 'string' } } as const;

/**
 * The full configuration as `serve` would read it (so the database is the one it opens), with the setting flags of
 * the parsed command line on top.
 */
export function storeConfig(values: Record<string, unknown>, { env, cwd }: CommandContext): ServerConfig {
  const configFile = values['config'];
  if (configFile !== undefined && (typeof configFile !== 'string' || configFile.trim() === '')) throw new CliUsageError('--config must not be empty');
  return resolveConfig({ flags: settingFlagValues(values), env, configFile, cwd });
}
