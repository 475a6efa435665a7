import { Uuid } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { newRowId } from './new-row-id.js';

describe('newRowId', () => {
  it('is a UUID the contract accepts, version 7, with the time in its first 48 bits', () => {
    const at = Date.parse('2026-11-30T21:00:00.123Z');
    const id = newRowId(at);
    expect(Uuid.safeParse(id).success).toBe(true);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
    expect(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
  });

  it('sorts ids made in a later millisecond after earlier ones, so inserts land at one edge of an index', () => {
    const ids = Array.from({ length: 200 }, (_, i) => newRowId(1_700_000_000_000 + i));
    expect([...ids].sort()).toEqual(ids);
  });

  it('never repeats within one millisecond', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newRowId(1_700_000_000_000)));
    expect(ids.size).toBe(10_000);
  });
});
