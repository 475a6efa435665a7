import { describe, expect, test } from 'vitest';
import { uuidv7 } from './uuidv7.js';

const FORMAT = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  test('has the version 7 nibble and the RFC 9562 variant bits', () => {
    for (let i = 0; i < 200; i++) {
      const id = uuidv7();
      expect(id).toMatch(FORMAT);
      const hex = id.replaceAll('-', '');
      expect(parseInt(hex[12]!, 16)).toBe(7);
      expect(parseInt(hex[16]!, 16) >> 2).toBe(0b10);
    }
  });

  test('encodes the millisecond timestamp in the first 48 bits', () => {
    const now = Date.UTC(2030, 0, 2, 3, 4, 5, 678) + 1_000_000;
    const id = uuidv7(now);
    expect(parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(now);
  });

  test('sorts in creation order, within one millisecond and across many', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('stays ordered when the clock steps back', () => {
    const later = uuidv7(Date.now() + 60_000);
    const afterStepBack = uuidv7(Date.now());
    expect(afterStepBack > later).toBe(true);
  });
});
