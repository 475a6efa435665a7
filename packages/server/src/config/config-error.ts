import type { SettingSource } from './setting-source.js';

/**
 * A setting is wrong, or the config file cannot be read: the server does not start (exit 2), and the message names
 * the setting, where its value came from and what was expected.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    message: string,
    /** The setting's key (`smtp.port`), or null when the file as a whole is wrong (missing, not JSON). */
    readonly setting: string | null,
    readonly source: SettingSource | null,
  ) {
    super(message);
  }
}
