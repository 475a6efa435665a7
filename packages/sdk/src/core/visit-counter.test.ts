import { describe, expect, test } from 'vitest';
import { memoryStorage } from '../test-support/memory-storage.js';
import { createVisitCounter } from './visit-counter.js';

describe('visit counter', () => {
  test('counts page views, and a new session after 30 idle minutes', () => {
    const counter = createVisitCounter(memoryStorage());
    counter.count(0 + 31 * 60_000);
    counter.count(40 * 60_000);
    expect(counter.counts()).toMatchObject({ pageViews: 2, sessions: 1 });
    counter.count(71 * 60_000);
    expect(counter.counts()).toMatchObject({ pageViews: 3, sessions: 2 });
  });
});
