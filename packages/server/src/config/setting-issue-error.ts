import { ConfigError } from './config-error.js';
import { settingByKey } from './settings.js';
import type { SettingSource } from './setting-source.js';

/**
 * The error for a wrong value of the setting at `key`: where it came from, what was expected, and what was given
 * (unless the setting is a secret). A group such as `smtp` that is not an object gets its own wording.
 */
export function settingIssueError(key: string, source: SettingSource, value: unknown): ConfigError {
  const setting = settingByKey(key);
  const got = setting?.secret ? '' : `, got ${JSON.stringify(value)}`;
  const expected = setting === undefined ? 'an object of settings' : setting.expected;
  switch (source.kind) {
    case 'flag':
      return new ConfigError(`--${source.flag} must be ${expected}${got} (setting ${key})`, key, source);
    case 'env':
      return new ConfigError(`${source.variable} must be ${expected}${got} (setting ${key}, from the environment)`, key, source);
    case 'file':
      return new ConfigError(`${source.file}: ${key} must be ${expected}${got}`, key, source);
    case 'default':
      // Defaults are checked by the schema's own tests; reaching this is a bug in settings.ts.
      return new ConfigError(`the default of ${key} must be ${expected}${got}`, key, source);
  }
}
