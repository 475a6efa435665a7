import { scrub } from './scrub.js';

/** What the log keeps of an error. */
export interface ErrorFields {
  type: string;
  message: string;
  stack?: string;
  /** A driver's error code (`SQLITE_BUSY`, `ECONNREFUSED`, a SQLSTATE). */
  code?: string;
  cause?: ErrorFields;
}

/**
 * An error as the log shows it: name, message, stack, code and cause, emails scrubbed. Not pino's standard
 * serializer, which copies every own property: a PostgreSQL error's `detail` quotes the row (`Key (email)=(…)`),
 * an HttpError carries its issues, a mail error the envelope.
 */
export function errorFields(error: unknown, depth = 0): ErrorFields {
  if (!(error instanceof Error)) return { type: typeof error, message: scrub(String(error)) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: scrub(error.message),
    ...(error.stack !== undefined && { stack: scrub(error.stack) }),
    ...((typeof code === 'string' || typeof code === 'number') && { code: String(code) }),
    ...(error.cause !== undefined && depth < 3 && { cause: errorFields(error.cause, depth + 1) }),
  };
}
