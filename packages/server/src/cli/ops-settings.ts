import { LogLevel } from '../log/log-level.js';

/** A wrong operations setting: start-up stops with this message, which names the variable. */
export class OpsSettingsError extends Error {
  override readonly name = 'OpsSettingsError';
}

export interface OpsSettings {
  logLevel: LogLevel;
  /** Unset: no `/metrics` route. */
  metricsToken: string | undefined;
}

/** Long enough that guessing it is hopeless; `openssl rand -hex 32` gives 64. */
const MIN_TOKEN_LENGTH = 16;

/**
 * `CLOSELOOP_LOG_LEVEL` (default info) and `CLOSELOOP_METRICS_TOKEN`, read from the environment until the
 * configuration schema hands them in.
 */
export function readOpsSettings(env: NodeJS.ProcessEnv): OpsSettings {
  const level = LogLevel.safeParse(env['CLOSELOOP_LOG_LEVEL'] || 'info');
  if (!level.success) throw new OpsSettingsError(`CLOSELOOP_LOG_LEVEL: ${level.error.issues[0]?.message ?? 'invalid'} (got "${env['CLOSELOOP_LOG_LEVEL']}")`);
  const token = env['CLOSELOOP_METRICS_TOKEN'] || undefined;
  if (token !== undefined && (token.length < MIN_TOKEN_LENGTH || /\s/.test(token))) {
    throw new OpsSettingsError(`CLOSELOOP_METRICS_TOKEN: must be at least ${MIN_TOKEN_LENGTH} characters without spaces (try \`openssl rand -hex 32\`)`);
  }
  return { logLevel: level.data, metricsToken: token };
}
