import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorIssue } from '@closeloop/sdk/schemas';

export interface HttpErrorOptions {
  /** The fields at fault, by dotted path (`answers.nps`, `project`, `authorization`). */
  issues?: ErrorIssue[];
  /** Extra reply headers, e.g. `WWW-Authenticate` on a 401. */
  headers?: Record<string, string>;
  cause?: unknown;
}

/**
 * Every deliberate error reply. Thrown anywhere below a route, turned into an {@link ErrorBody} by the app's
 * central error handler, so no route formats errors itself.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly issues: ErrorIssue[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    options: HttpErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.issues = options.issues;
    this.headers = options.headers ?? {};
  }

  /** Shorthand for an error about one field, the common case. */
  static field(
    status: ContentfulStatusCode,
    code: string,
    path: string,
    message: string,
    options: Omit<HttpErrorOptions, 'issues'> = {},
  ): HttpError {
    return new HttpError(status, code, `${path}: ${message}`, { ...options, issues: [{ path, message }] });
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.issues && { issues: this.issues }) } };
  }
}
