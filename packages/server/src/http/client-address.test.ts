import { describe, expect, it } from 'vitest';
import { addressBehindProxies } from './client-address.js';

describe('addressBehindProxies', () => {
  it('ignores X-Forwarded-For when no proxy is trusted: a client could write any address there', () => {
    expect(addressBehindProxies('203.0.113.7', '198.51.100.1', 0)).toBe('203.0.113.7');
  });

  it('takes the entry the trusted proxy appended, not what the client wrote before it', () => {
    // The client sent "X-Forwarded-For: 1.1.1.1"; the one proxy appended the address it saw, 198.51.100.9.
    expect(addressBehindProxies('10.0.0.2', '1.1.1.1, 198.51.100.9', 1)).toBe('198.51.100.9');
    // Two proxies: a CDN appended the client, the load balancer appended the CDN's edge.
    expect(addressBehindProxies('10.0.0.2', '1.1.1.1, 198.51.100.9, 192.0.2.50', 2)).toBe('198.51.100.9');
    expect(addressBehindProxies('::ffff:10.0.0.2', '2001:db8::1', 1)).toBe('2001:db8::1');
  });

  it('falls back to the socket when the header is missing, too short to reach, or not an address', () => {
    expect(addressBehindProxies('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
    expect(addressBehindProxies('10.0.0.2', 'unknown', 1)).toBe('10.0.0.2');
    expect(addressBehindProxies('10.0.0.2', '', 1)).toBe('10.0.0.2');
    // Fewer hops than configured: the leftmost entry is as far as it goes.
    expect(addressBehindProxies('10.0.0.2', '198.51.100.9', 3)).toBe('198.51.100.9');
  });
});
