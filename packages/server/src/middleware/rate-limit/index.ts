import type { Context, Next } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { clientAddress } from '../../http/client-address.js';
import { requestKeyHash } from '../../http/request-key-hash.js';
import { addressKey } from './address-key.js';
import { chargeFor } from './charge.js';
import { DEFAULT_RATE_LIMITS } from './rate-limits.js';
import type { RateLimits } from './rate-limits.js';

export { DEFAULT_RATE_LIMITS, NO_RATE_LIMITS } from './rate-limits.js';
export type { RateLimits } from './rate-limits.js';
export type { Charge } from './charge.js';

export interface RateLimitOptions {
  /** Requests per second per key, 0 = off (see DEFAULT_RATE_LIMITS for why these numbers). */
  limits?: Partial<RateLimits>;
  /** Milliseconds on a monotonic clock, not the app's `now` (which tests pin, and which may jump). */
  clock?: () => number;
}

const monotonic = () => performance.now();

/**
 * The public API's limits: per client address, charged here before any work, and per project, charged by
 * `findPublicProject` once the key (in the query or the body) is known to be a project's, so made-up keys never fill
 * memory with buckets. The address is clientAddress's: the socket's, or behind `--trust-proxy` reverse proxies the
 * one the nearest of them saw.
 */
export function publicRateLimits({ limits = {}, clock = monotonic }: RateLimitOptions = {}) {
  const { address, project } = { ...DEFAULT_RATE_LIMITS, ...limits };
  const chargeAddress = chargeFor('address', address, clock);
  const chargeProject = chargeFor('project', project, clock);
  return async function publicRateLimits(c: Context<AppEnv>, next: Next) {
    chargeAddress(addressKey(clientAddress(c)));
    c.set('chargeProject', chargeProject);
    await next();
  };
}

/**
 * The management API's limit per credential, after managementAuth: per secret key (by its hash), or per console
 * member (all their sessions and tabs together).
 */
export function keyRateLimit({ limits = {}, clock = monotonic }: RateLimitOptions = {}) {
  const charge = chargeFor('key', { ...DEFAULT_RATE_LIMITS, ...limits }.key, clock);
  return async function keyRateLimit(c: Context<AppEnv>, next: Next) {
    const principal = c.get('principal');
    charge(principal.kind === 'member' ? `member:${principal.member.id}` : `key:${requestKeyHash(c) ?? principal.project.id}`);
    await next();
  };
}
