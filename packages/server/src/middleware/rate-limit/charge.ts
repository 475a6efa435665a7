import type { RateLimitName } from '@closeloop/sdk/schemas';
import { RateLimited } from './rate-limited.js';
import { BURST_SECONDS } from './rate-limits.js';
import { TokenBuckets } from './token-buckets.js';

/** Takes one request from `key`'s bucket, or throws the 429 naming the limit. */
export type Charge = (key: string) => void;

/** The charge for one limit at `perSecond` (0: a limit that never refuses). */
export function chargeFor(limit: RateLimitName, perSecond: number, clock: () => number): Charge {
  if (perSecond === 0) return () => undefined;
  const buckets = new TokenBuckets({ perSecond, burst: perSecond * BURST_SECONDS, clock });
  return (key) => {
    const retryAfter = buckets.take(key);
    if (retryAfter > 0) throw new RateLimited(limit, retryAfter);
  };
}
