import { SETTINGS } from '../config/settings.js';

type FlagOption = { type: 'string' } | { type: 'boolean' };

/** The parseArgs options of every setting that has a flag: a yes/no setting is a bare flag, the rest take a value. */
export function settingFlagOptions(): Record<string, FlagOption> {
  const options: Record<string, FlagOption> = {};
  for (const setting of SETTINGS) {
    if (setting.flag !== undefined) options[setting.flag] = setting.kind === 'boolean' ? { type: 'boolean' } : { type: 'string' };
  }
  return options;
}

/** The setting flags among parsed values, by flag name, for resolveConfig; a command's other flags are left out. */
export function settingFlagValues(values: Record<string, unknown>): Record<string, string | boolean | undefined> {
  const flags: Record<string, string | boolean | undefined> = {};
  for (const setting of SETTINGS) {
    const value = setting.flag === undefined ? undefined : values[setting.flag];
    if (setting.flag !== undefined && (typeof value === 'string' || typeof value === 'boolean')) flags[setting.flag] = value;
  }
  return flags;
}
