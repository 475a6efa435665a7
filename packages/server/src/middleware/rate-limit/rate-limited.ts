import type { ErrorBody, RateLimitName } from '@closeloop/sdk/schemas';
import { HttpError } from '../../http/http-error.js';

const WHO: Record<RateLimitName, string> = {
  address: 'this client address',
  project: 'this project',
  key: 'this key or console login',
};

/** A 429 `rate_limited` naming the limit that refused the request, with `Retry-After` in seconds. */
export class RateLimited extends HttpError {
  constructor(
    readonly limit: RateLimitName,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'rate_limited', `Too many requests from ${WHO[limit]}: retry in ${retryAfterSeconds} s`, {
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  }

  override toBody(): ErrorBody {
    const { error } = super.toBody();
    return { error: { ...error, limit: this.limit } };
  }
}
