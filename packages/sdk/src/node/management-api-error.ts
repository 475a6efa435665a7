import type { ErrorBody, ErrorIssue } from '../schemas/index.js';

/**
 * The Closeloop server refused a management request and said why: `body` is its {@link ErrorBody}, `issues` names
 * each field at fault (`id`, `questions.0.prompt`, `authorization`). The ky `HTTPError` is the `cause`.
 */
export class ManagementApiError extends Error {
  override readonly name = 'ManagementApiError';
  /** The server's machine-readable reason, e.g. `invalid_request`, `survey_not_found`, `unauthorized`. */
  readonly code: string;
  readonly issues: ErrorIssue[];

  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly body: ErrorBody,
    options: { cause?: unknown } = {},
  ) {
    super(`${method} ${url} answered ${status} ${body.error.code}: ${body.error.message}`, options);
    this.code = body.error.code;
    this.issues = body.error.issues ?? [];
  }
}
