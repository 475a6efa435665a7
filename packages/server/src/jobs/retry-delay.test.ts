import { describe, expect, it } from 'vitest';
import { retryDelay } from './retry-delay.js';

describe('retryDelay', () => {
  const backoff = { baseMs: 1_000, maxMs: 60_000 };

  it('doubles per attempt up to the cap, between half and all of it', () => {
    const low = (attempt: number) => retryDelay(attempt, backoff, () => 0);
    const high = (attempt: number) => retryDelay(attempt, backoff, () => 1);
    expect([1, 2, 3, 4].map(low)).toEqual([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map(high)).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect([high(7), high(30)]).toEqual([60_000, 60_000]);
  });

  it('spreads jobs that failed together', () => {
    const delays = new Set([0.1, 0.5, 0.9].map((r) => retryDelay(3, backoff, () => r)));
    expect(delays.size).toBe(3);
  });
});
