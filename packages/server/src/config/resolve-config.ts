import type { RateLimits } from '../middleware/rate-limit/rate-limits.js';
import type { MailConfig } from '../notify/email/mail-config.js';
import { ConfigError } from './config-error.js';
import { mailConfigOf } from './mail-config-of.js';
import { readConfigFile } from './read-config-file.js';
import { settingIssueError } from './setting-issue-error.js';
import { describeSource } from './setting-source.js';
import type { SettingSource } from './setting-source.js';
import { ConfigFile, SETTINGS } from './settings.js';
import type { TextKind } from './settings.js';
import type { LogLevel } from '../log/log-level.js';

/** The settings the server runs with, every one decided: what the CLI hands to the app, the jobs and the logger. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL when set, else SQLite in `dataDir`. */
  databaseUrl: string | null;
  /** The origin (and path) links in Slack and mail point to; null: the address the server listens on. */
  publicUrl: string | null;
  allowPrivateWebhooks: boolean;
  logLevel: LogLevel;
  /** The bearer token GET /metrics is served to; null: no /metrics. */
  metricsToken: string | null;
  trustProxy: number;
  rateLimits: RateLimits;
  /** Null: no email is sent. */
  mail: MailConfig | null;
  /** The config file the settings were read from, if any. */
  configFile: string | null;
}

export interface ConfigInputs {
  /** The command line's setting flags by flag name (`port`, `allow-private-webhooks`), as given. */
  flags: Readonly<Record<string, string | boolean | undefined>>;
  env: Readonly<Record<string, string | undefined>>;
  /** `--config <file>`; undefined: `closeloop.config.json` in `cwd` when there is one. */
  configFile: string | undefined;
  cwd: string;
}

/**
 * Every setting from the first place that has it: flag, then environment variable, then config file, then the
 * default. Each is checked against the one schema ({@link ConfigFile}); the first wrong one is a {@link ConfigError}
 * naming it and its source. An empty environment variable counts as unset (`DATABASE_URL=` means SQLite).
 */
export function resolveConfig({ flags, env, configFile, cwd }: ConfigInputs): ServerConfig {
  const file = readConfigFile(configFile, cwd);
  const merged: Record<string, unknown> = {};
  const sources = new Map<string, SettingSource>();
  // What a flag or variable said, as typed: an error quotes that, not the number or boolean it was read as.
  const typed = new Map<string, string>();
  for (const setting of SETTINGS) {
    const flag = setting.flag === undefined ? undefined : flags[setting.flag];
    const fromEnv = env[setting.env]?.trim();
    const fromFile = file === null ? undefined : valueAt(file.values, setting.key);
    let value: unknown;
    let source: SettingSource;
    if (flag !== undefined && setting.flag !== undefined) {
      [value, source] = [typeof flag === 'boolean' ? flag : fromText(setting.kind, flag), { kind: 'flag', flag: setting.flag }];
      if (typeof flag === 'string') typed.set(setting.key, flag);
    } else if (fromEnv !== undefined && fromEnv !== '') {
      [value, source] = [fromText(setting.kind, fromEnv), { kind: 'env', variable: setting.env }];
      typed.set(setting.key, fromEnv);
    }
    else if (fromFile !== undefined && file !== null) [value, source] = [fromFile, { kind: 'file', file: file.file }];
    else if (setting.default !== undefined) [value, source] = [setting.default, { kind: 'default' }];
    else continue;
    setAt(merged, setting.key, value);
    sources.set(setting.key, source);
  }

  const parsed = ConfigFile.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path.join('.') ?? '';
    const source = sources.get(key);
    if (source === undefined) throw new ConfigError(`settings: ${issue?.message ?? 'invalid'}`, key, null);
    throw settingIssueError(key, source, typed.has(key) ? typed.get(key) : valueAt(merged, key));
  }
  const values = parsed.data;
  const required = <T>(value: T | undefined, key: string): T => {
    if (value === undefined) throw new ConfigError(`${key} has no value and no default`, key, null);
    return value;
  };
  return {
    port: required(values.port, 'port'),
    host: required(values.host, 'host'),
    dataDir: required(values.dataDir, 'dataDir'),
    databaseUrl: values.databaseUrl ?? null,
    publicUrl: values.publicUrl === undefined ? null : values.publicUrl.replace(/\/+$/, ''),
    allowPrivateWebhooks: required(values.allowPrivateWebhooks, 'allowPrivateWebhooks'),
    logLevel: required(values.logLevel, 'logLevel'),
    metricsToken: values.metricsToken ?? null,
    trustProxy: required(values.trustProxy, 'trustProxy'),
    rateLimits: {
      address: required(values.rateLimit?.address, 'rateLimit.address'),
      project: required(values.rateLimit?.project, 'rateLimit.project'),
      key: required(values.rateLimit?.key, 'rateLimit.key'),
    },
    mail: mailConfigOf(values.smtp ?? {}, (key) => describeSource(sources.get(key) ?? { kind: 'default' })),
    configFile: file?.file ?? null,
  };
}

/**
 * Text from a flag or the environment as the JSON value the schema expects. Text that is not a number (or not a
 * yes/no) stays text, so the schema refuses it with the setting's own message.
 */
export function fromText(kind: TextKind, text: string): unknown {
  if (kind === 'number') return /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  if (kind === 'boolean') {
    const word = text.toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(word)) return true;
    if (['false', '0', 'no', 'off'].includes(word)) return false;
  }
  return text;
}

function valueAt(object: unknown, key: string): unknown {
  let value = object;
  for (const part of key.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

function setAt(object: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  const last = parts.pop();
  if (last === undefined) return;
  let target = object;
  for (const part of parts) target = (target[part] ??= {}) as Record<string, unknown>;
  target[last] = value;
}
