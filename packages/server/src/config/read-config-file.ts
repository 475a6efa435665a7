import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { ConfigError } from './config-error.js';
import { ConfigFile } from './settings.js';
import { settingIssueError } from './setting-issue-error.js';

export const CONFIG_FILE_NAME = 'closeloop.config.json';

export interface ReadConfigFile {
  file: string;
  values: ConfigFile;
}

/**
 * The settings of `--config <file>` (which must exist), else of `closeloop.config.json` in `cwd` when there is one;
 * null when neither. Malformed JSON, a wrong value and an unknown key are each a {@link ConfigError} naming the file.
 */
export function readConfigFile(explicit: string | undefined, cwd: string): ReadConfigFile | null {
  const file = resolve(cwd, explicit ?? CONFIG_FILE_NAME);
  if (!existsSync(file)) {
    if (explicit === undefined) return null;
    throw new ConfigError(`--config ${file}: no such file`, null, { kind: 'flag', flag: 'config' });
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`${file} is not valid JSON: ${reason}`, null, { kind: 'file', file });
  }
  const parsed = ConfigFile.safeParse(json);
  if (!parsed.success) throw fileIssueError(file, json, parsed.error.issues[0]);
  return { file, values: parsed.data };
}

function fileIssueError(file: string, json: unknown, issue: z.core.$ZodIssue | undefined): ConfigError {
  const source = { kind: 'file' as const, file };
  if (issue === undefined) return new ConfigError(`${file}: not a valid config file`, null, source);
  const path = issue.path.join('.');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => (path === '' ? k : `${path}.${k}`));
    return new ConfigError(`${file}: unknown setting${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')} (see closeloop serve --help for the settings)`, keys[0] ?? null, source);
  }
  if (path === '') return new ConfigError(`${file} must hold a JSON object of settings, such as { "port": 8787 }`, null, source);
  return settingIssueError(path, source, valueAt(json, issue.path));
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value = json;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}
