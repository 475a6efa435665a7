import { createLogger } from '../log/logger.js';
import type { Logger } from '../log/logger.js';
import type { LogLevel } from '../log/log-level.js';

export interface LogCapture {
  /** The server's real logger (redaction, serializers), writing here instead of stdout. */
  logger: Logger;
  /** Every line written so far, parsed. */
  lines(): Record<string, unknown>[];
  /** Everything written so far, as written: what a secret must not be found in. */
  text(): string;
  /** Forgets what was written (between tests sharing one capture). */
  clear(): void;
}

/** A logger whose JSON lines a test reads back; every level unless told otherwise. */
export function captureLog(level: LogLevel = 'trace'): LogCapture {
  const chunks: string[] = [];
  const logger = createLogger({ level, destination: { write: (chunk: string) => void chunks.push(chunk) } });
  return {
    logger,
    text: () => chunks.join(''),
    clear: () => void chunks.splice(0),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
