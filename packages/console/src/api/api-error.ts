import type { ErrorIssue } from '@closeloop/sdk/schemas';

export interface ApiErrorInit {
  method: string;
  url: string;
  /** 0 when no reply came (offline, timeout). */
  status: number;
  code: string;
  issues?: readonly ErrorIssue[];
  /** From `Retry-After` on a 429: how long to wait before trying again. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/**
 * Every failure of a console request: callers catch this one type and read `status`, `code` and the field
 * `issues` from it (ky's KyError ← HTTPError shape).
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly code: string;
  readonly issues: readonly ErrorIssue[];
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, init: ApiErrorInit) {
    super(message, { cause: init.cause });
    this.method = init.method;
    this.url = init.url;
    this.status = init.status;
    this.code = init.code;
    this.issues = init.issues ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** The message for the field `name` (the server names it `email` or `resolution.summary`), for a form to show beside it. */
  issueAt(name: string): string | undefined {
    return this.issues.find((issue) => issue.path === name || issue.path.endsWith(`.${name}`))?.message;
  }
}

/**
 * A reply the console cannot read: the server answered, but not in the shape the shared schema describes (a server
 * older or newer than this console, or a proxy's HTML page). Said plainly rather than drawn as a half-empty page.
 */
export class UnexpectedReplyError extends ApiError {
  override name = 'UnexpectedReplyError';
  constructor(init: Omit<ApiErrorInit, 'code'> & { detail: string }) {
    super(`The server's reply to ${init.method} ${init.url} could not be read (${init.detail}). The console and the server may be different versions: reload the page.`, {
      ...init,
      code: 'unexpected_reply',
    });
  }
}
