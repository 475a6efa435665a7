import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './page-cursor.js';

describe('page cursor', () => {
  const cursor = { at: '2026-11-23T10:00:00.000Z', id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' };

  it('round-trips a position through an opaque URL-safe string', () => {
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(cursor);
  });

  it('returns null for anything it did not make', () => {
    expect(decodeCursor('not a cursor')).toBeNull();
    expect(decodeCursor('')).toBeNull();
    expect(decodeCursor(Buffer.from('["yesterday","x"]').toString('base64url'))).toBeNull();
    expect(decodeCursor(Buffer.from('{"at":1}').toString('base64url'))).toBeNull();
  });
});
