import { randomUUID } from 'node:crypto';

/** An incoming `X-Request-Id` worth keeping: short, and nothing a log line or a header could be tricked with. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request's id: the caller's `X-Request-Id` (a proxy's or a client's, so one id follows the request through
 * every hop) when it is sane, otherwise a fresh UUID.
 */
export function requestIdOf(incoming: string | undefined): string {
  return incoming !== undefined && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
