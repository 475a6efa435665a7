import { resolveConfig } from '../config/resolve-config.js';
import type { ServerConfig } from '../config/resolve-config.js';
import { CliUsageError } from './cli-usage-error.js';
import { parseFlags } from './parse-flags.js';
import { settingFlagOptions, settingFlagValues } from './setting-flags.js';

export interface ServeArgs {
  command: 'serve' | 'demo';
  demoDir: string | undefined;
  /** `--config <file>`. */
  configFile: string | undefined;
  /** The setting flags given (`--port`, `--rate-limit-key`, …), by flag name, still text: resolveConfig checks them. */
  flags: Record<string, string | boolean | undefined>;
}

/** The flags of `serve` and `demo`: every setting's, `--config` and `--demo-dir`. */
export const SERVE_OPTIONS = { ...settingFlagOptions(), config: { type: 'string' }, 'demo-dir': { type: 'string' } } as const;

/** `closeloop serve|demo …` (the words after the command), checked: a wrong flag is a {@link CliUsageError} naming it. */
export function parseServeArgs(command: 'serve' | 'demo', argv: string[]): ServeArgs {
  const { values, positionals } = parseFlags(argv, SERVE_OPTIONS);
  if (positionals.length > 0) throw new CliUsageError(`unexpected argument "${positionals[0]}"`);
  const demoDir = values['demo-dir'];
  if (typeof demoDir === 'string' && command !== 'demo') throw new CliUsageError('--demo-dir only applies to closeloop demo');
  if (demoDir !== undefined && (typeof demoDir !== 'string' || demoDir.trim() === '')) throw new CliUsageError('--demo-dir must not be empty');
  const configFile = values.config;
  if (configFile !== undefined && (typeof configFile !== 'string' || configFile.trim() === '')) throw new CliUsageError('--config must not be empty');
  return { command, demoDir, configFile, flags: settingFlagValues(values) };
}

/**
 * The settings `serve` and `demo` run with (see config/resolve-config.ts for the order). The demo's webhooks go to a
 * receiver on the same machine (examples/backend), so it always allows private targets.
 */
export function serveConfig(args: ServeArgs, env: Readonly<Record<string, string | undefined>>, cwd: string): ServerConfig {
  const config = resolveConfig({ flags: args.flags, env, configFile: args.configFile, cwd });
  return args.command === 'demo' ? { ...config, allowPrivateWebhooks: true } : config;
}
