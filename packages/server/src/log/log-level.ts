import { z } from 'zod';

/** pino's levels, `silent` included (tests); `CLOSELOOP_LOG_LEVEL` and the config file take one of these. */
export const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
  error: 'must be one of fatal, error, warn, info, debug, trace, silent',
});
export type LogLevel = z.infer<typeof LogLevel>;
