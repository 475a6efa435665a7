import { describe, expect, it } from 'vitest';
import { GAP_WAIT_MS, advance, awaitedGaps, cursorAt } from './stream-cursor.js';

describe('stream cursor', () => {
  it('moves on in order with no gaps', () => {
    const cursor = cursorAt(3);
    for (const p of [4, 5, 6]) advance(cursor, p, 0);
    expect(cursor.position).toBe(6);
    expect(awaitedGaps(cursor, 0)).toEqual([]);
  });

  it('keeps a skipped position (a transaction that commits late) until it shows up', () => {
    const cursor = cursorAt(7);
    advance(cursor, 9, 1_000);
    expect(awaitedGaps(cursor, 2_000)).toEqual([8]);
    advance(cursor, 8, 2_500);
    expect(cursor.position).toBe(9);
    expect(awaitedGaps(cursor, 3_000)).toEqual([]);
  });

  it('gives a gap up once no transaction could still be open (a rollback)', () => {
    const cursor = cursorAt(0);
    advance(cursor, 3, 0);
    expect(awaitedGaps(cursor, GAP_WAIT_MS)).toEqual([1, 2]);
    expect(awaitedGaps(cursor, GAP_WAIT_MS + 1)).toEqual([]);
  });

  it('bounds the gaps when the sequence jumps far ahead', () => {
    const cursor = cursorAt(0);
    advance(cursor, 100_000, 0);
    expect(awaitedGaps(cursor, 0).length).toBeLessThanOrEqual(200);
    expect(cursor.position).toBe(100_000);
  });
});
