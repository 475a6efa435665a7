import type { RateLimitName } from '@closeloop/sdk/schemas';

/**
 * Requests per second each limit lets one key keep up, per server instance; 0 switches that limit off. A key may
 * also burst {@link BURST_SECONDS} seconds' worth at once after being idle.
 */
export type RateLimits = Record<RateLimitName, number>;

/** The burst each bucket holds: ten seconds of its rate, so a page of requests after a pause never waits. */
export const BURST_SECONDS = 10;

/**
 * The defaults, chosen so a real shop never meets them and a flood from one source does:
 * - `address` 100/s (burst 1,000) on the public API: a whole office or a mobile carrier's NAT shares one address,
 *   and each visitor makes about one request per page view; a single script sending thousands per second is not a
 *   crowd of visitors. IPv6 clients count per /64, since one machine holds a whole /64.
 * - `project` 2,000/s (burst 20,000) on the public API: a newsletter or a sale can bring thousands of answers per
 *   second, which the 20,000 burst absorbs; sustained, it is above what one instance ingests today (issue 10's goal is
 *   5,000/s across projects), so it only stops a leaked key flooded from many addresses from taking a shared
 *   instance from every other project.
 * - `key` 50/s (burst 500) per secret key or console login on the management API: the console's busiest screen
 *   makes a handful of requests per click, and a sync script paging through answers at 50 pages a second is fast.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = { address: 100, project: 2_000, key: 50 };

/** All limits off: for load tests from one machine and for tests whose subject is something else. */
export const NO_RATE_LIMITS: RateLimits = { address: 0, project: 0, key: 0 };
