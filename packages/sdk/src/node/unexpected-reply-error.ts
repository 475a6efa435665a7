import type { ErrorIssue } from '../schemas/index.js';

/**
 * The server answered, but not with what the contract promises: a success body that fails its schema (a server of
 * another version, say) or an error reply that is not an ErrorBody (a proxy's HTML 502). `issues` says where the
 * reply differs; `status` is the HTTP status.
 */
export class UnexpectedReplyError extends Error {
  override readonly name = 'UnexpectedReplyError';

  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly issues: ErrorIssue[],
    options: { cause?: unknown } = {},
  ) {
    super(`${method} ${url} answered ${status} with a reply outside the contract: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, options);
  }
}
