import { SETTINGS } from '../config/settings.js';

type FlagOption = { type: 'string' } | { type: 'boolean' };

/** The parseArgs options for the flags of the settings at `keys` (every setting with a flag when omitted). */
export function settingFlagOptions(keys?: readonly string[]): Record<string, FlagOption> {
  const options: Record<string, FlagOption> = {};
  for (const setting of SETTINGS) {
    if (setting.flag === undefined || (keys !== undefined && !keys.includes(setting.key))) continue;
    options[setting.flag] = setting.kind === 'boolean' ? { type: 'boolean' } : { type: 'string' };
  }
  return options;
}

/** The setting flags among parsed values, by flag name, for resolveConfig. */
export function settingFlagValues(values: Record<string, unknown>, keys?: readonly string[]): Record<string, string | boolean | undefined> {
  const flags: Record<string, string | boolean | undefined> = {};
  for (const flag of Object.keys(settingFlagOptions(keys))) {
    const value = values[flag];
    if (typeof value === 'string' || typeof value === 'boolean') flags[flag] = value;
  }
  return flags;
}
