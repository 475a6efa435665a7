import { expect, test } from 'vitest';
import { backoffDelay } from './backoff.js';

test('doubles from one second, capped at a minute, jittered over the upper half', () => {
  expect(backoffDelay(0, 0)).toBe(500);
  expect(backoffDelay(0, 1)).toBe(1000);
  expect(backoffDelay(3, 1)).toBe(8000);
  expect(backoffDelay(3, 0)).toBe(4000);
  expect(backoffDelay(6, 1)).toBe(60_000);
  expect(backoffDelay(40, 0)).toBe(30_000);
  const delay = backoffDelay(2);
  expect(delay).toBeGreaterThanOrEqual(2000);
  expect(delay).toBeLessThanOrEqual(4000);
});
