import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-buckets.js';

describe('TokenBuckets', () => {
  it('says how many whole seconds until the next token', () => {
    let now = 0;
    const buckets = new TokenBuckets({ perSecond: 0.25, burst: 1, clock: () => now });
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(4);
    now = 3_001;
    expect(buckets.take('a')).toBe(1);
    now = 4_000;
    expect(buckets.take('a')).toBe(0);
  });

  it('forgets idle buckets: a flood of made-up keys leaves nothing behind once they have refilled', () => {
    let now = 0;
    const buckets = new TokenBuckets({ perSecond: 10, burst: 100, clock: () => now });
    for (let i = 0; i < 10_000; i++) buckets.take(`client-${i}`);
    expect(buckets.size).toBe(10_000);
    now = 10_000;
    buckets.take('late');
    expect(buckets.size).toBe(1);
  });

  it('holds at most maxKeys buckets, dropping the least recently used', () => {
    let now = 0;
    const buckets = new TokenBuckets({ perSecond: 1, burst: 2, clock: () => now, maxKeys: 3 });
    for (const key of ['a', 'b', 'c']) buckets.take(key);
    buckets.take('a');
    buckets.take('d');
    expect(buckets.size).toBe(3);
    // `a` was used again, so `b` went; `a` still has its spent token, `b` starts full.
    expect(buckets.take('a')).toBeGreaterThan(0);
    now = 0;
    expect(buckets.take('b')).toBe(0);
  });
});
