import type { Principal } from './http/principal.js';
import type { Logger } from './log/logger.js';
import type { Charge } from './middleware/rate-limit/charge.js';

/** What middleware hands to routes through `c.get()`. */
export interface AppEnv {
  Variables: {
    /** The request's id (set first, by observeRequests): in `X-Request-Id`, in error bodies, on its log lines. */
    requestId?: string;
    /** The server's logger (set by observeRequests), for a route with something to say; log with the requestId. */
    logger?: Logger;
    /** Who a management request acts as (set by managementAuth); its project scopes every query. */
    principal: Principal;
    /**
     * The CORS verdict of a public request, set once its project is known: `allowed` adds the CORS headers,
     * `denied` leaves them off. Unset means the request failed before its project was known.
     */
    cors: 'allowed' | 'denied';
    /** Charges the project's rate limit once a public request's project is known (set by publicRateLimits). */
    chargeProject?: Charge;
    /** Where the request came from, `X-Forwarded-For` read only behind trusted proxies (set by trustClientAddress). */
    clientAddress?: string;
  };
}
