import { describe, expect, it } from 'vitest';
import { acceptedEncoding } from './accepted-encoding.js';

describe('the encoding a request accepts', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['BR ; Q=0.5', 'br'],
    ['*', 'br'],
    ['*;q=0, gzip;q=0.1', 'gzip'],
    ['br;q=oops', 'br'],
  ])('%s: %s', (header, encoding) => {
    expect(acceptedEncoding(header)).toBe(encoding);
  });

  it.each([undefined, '', 'identity', 'deflate, zstd', 'gzip;q=0, br;q=0', '*;q=0', ' , ;q=1'])('none for %s: the bytes as they are', (header) => {
    expect(acceptedEncoding(header)).toBeUndefined();
  });
});
