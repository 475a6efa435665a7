export interface BackoffOptions {
  /** The delay after the first failure, before jitter. */
  baseMs: number;
  /** The longest delay, before jitter. */
  maxMs: number;
}

/**
 * How long to wait after failed attempt `attempt` (1-based): exponential (base, 2×, 4×, … capped at `maxMs`), with
 * "equal jitter" (a random half of it added to the other half) so jobs that failed together, say when a receiver
 * went down, do not all come back at the same instant.
 */
export function retryDelay(attempt: number, { baseMs, maxMs }: BackoffOptions, random: () => number = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return exponential / 2 + random() * (exponential / 2);
}
