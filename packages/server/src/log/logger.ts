import { pino } from 'pino';
import type { DestinationStream, Logger } from 'pino';
import { errorFields } from './error-fields.js';
import type { LogLevel } from './log-level.js';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level: LogLevel;
  /** Where the JSON lines go; default stdout. Tests pass a stream to read them. */
  destination?: DestinationStream;
}

/**
 * Fields that must never be shown in a logged object. Nothing logs bodies, query strings or headers in the first
 * place (the access line has the route pattern, not the path); this is the second line. Top-level names (and the
 * request's headers) only: pino's wildcard paths (`*.email`) cost some 15 µs a line, the price of the ingest hot path's
 * whole access line ten times over, to guard objects no log call passes.
 */
const REDACT_PATHS = [
  'authorization',
  'cookie',
  'password',
  'secret',
  'secretKey',
  'identitySecret',
  'token',
  'sessionToken',
  'csrfToken',
  'signature',
  'email',
  'comment',
  'answers',
  'attributes',
  'payload',
  'body',
  'query',
  'headers',
  'req.headers',
  'job.payload',
];

/**
 * The server's one logger: JSON lines (pino), created once by the CLI and handed to the app and the job runner.
 * Errors go under `err` through {@link errorFields}.
 */
export function createLogger({ level, destination }: LoggerOptions): Logger {
  const options = {
    level,
    base: { service: 'closeloop' },
    // `"level":"info"` and an ISO time: what people and log shippers read without a lookup table.
    formatters: { level: (label: string) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: errorFields },
  };
  // Stdout written asynchronously: on the ingest hot path a line costs no write() of its own, lines written while
  // one write is under way go out together, and pino flushes what is left when the process exits.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}

/** A logger that writes nothing: the default for an app or a runner built without one (tests). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
