export interface TokenBucketsOptions {
  /** Tokens added per second: the sustained rate one key may keep up. */
  perSecond: number;
  /** Tokens a bucket holds when full: the burst one key may send at once after being idle. */
  burst: number;
  /** Milliseconds on a monotonic clock; tests step it. */
  clock: () => number;
  /** Buckets kept at most; past it the least recently used one is dropped (it was the least likely to be limited). */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * One token bucket per key (an address, a project, a secret key), in this process's memory. Each request takes a
 * token; tokens come back at `perSecond` up to `burst`. State is per instance: behind a load balancer each instance
 * limits on its own, so the limit a client meets is N instances times the configured one.
 *
 * Memory stays bounded two ways: a bucket that has refilled to `burst` holds nothing a fresh one would not, so it is
 * dropped by a sweep (at most once per refill period, on a request, so no timer keeps the process alive); and
 * however many keys a flood makes up, at most `maxKeys` are kept.
 */
export class TokenBuckets {
  readonly #buckets = new Map<string, Bucket>();
  readonly #perMs: number;
  readonly #refillMs: number;
  #sweptAt: number;

  constructor(private readonly options: TokenBucketsOptions) {
    this.#perMs = options.perSecond / 1000;
    this.#refillMs = options.burst / this.#perMs;
    this.#sweptAt = options.clock();
  }

  /** Takes a token for `key`: 0 when it had one, else the whole seconds until it will (at least 1). */
  take(key: string): number {
    const now = this.options.clock();
    if (now - this.#sweptAt >= this.#refillMs) this.#sweep(now);
    const bucket = this.#buckets.get(key);
    const tokens = bucket === undefined ? this.options.burst : Math.min(this.options.burst, bucket.tokens + (now - bucket.at) * this.#perMs);
    // Delete and set again: the Map's order then runs from least to most recently used.
    this.#buckets.delete(key);
    if (tokens < 1) {
      this.#buckets.set(key, { tokens, at: now });
      return Math.max(1, Math.ceil((1 - tokens) / this.#perMs / 1000));
    }
    this.#buckets.set(key, { tokens: tokens - 1, at: now });
    const maxKeys = this.options.maxKeys ?? 100_000;
    if (this.#buckets.size > maxKeys) this.#buckets.delete(this.#buckets.keys().next().value as string);
    return 0;
  }

  /** How many buckets are held (for the memory test). */
  get size(): number {
    return this.#buckets.size;
  }

  #sweep(now: number): void {
    this.#sweptAt = now;
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + (now - bucket.at) * this.#perMs >= this.options.burst) this.#buckets.delete(key);
    }
  }
}
