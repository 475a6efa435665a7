import { describe, expect, it } from 'vitest';
import { blockedAddressKind } from './blocked-addresses.js';
import { checkWebhookUrl } from './check-webhook-url.js';

describe('blockedAddressKind', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped'],
    ['::ffff:8.8.8.8', 'IPv4-mapped'],
    ['::ffff:7f00:1', 'IPv4-mapped'],
  ])('%s is %s', (address, kind) => {
    expect(blockedAddressKind(address)).toBe(kind);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '192.169.0.1', '2606:4700:4700::1111', '2a00:1450:4001::1'])(
    '%s is public',
    (address) => {
      expect(blockedAddressKind(address)).toBeNull();
    },
  );
});

describe('checkWebhookUrl', () => {
  it.each([
    'http://127.0.0.1/hook',
    'http://127.1/hook',
    'http://2130706433/hook',
    'http://0x7f.0.0.1/hook',
    'http://[::1]:8080/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[fd00::1]/hook',
    'http://10.0.0.5/hook',
    'https://169.254.169.254/latest/meta-data/',
    'http://100.100.100.100/',
    'http://0.0.0.0:8787/',
    'http://localhost:8787/hook',
    'http://LOCALHOST./hook',
    'http://api.localhost/hook',
  ])('refuses %s without looking anything up', (url) => {
    const result = checkWebhookUrl(url, { allowPrivate: false });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/private|loopback|link-local|carrier-grade|unspecified|IPv4-mapped|unique-local|localhost/);
  });

  it.each(['ftp://example.com/hook', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', '//example.com/hook', 'http://user:pass@example.com/hook'])(
    'refuses %s: a webhook is an http(s) URL without credentials',
    (url) => {
      expect(checkWebhookUrl(url, { allowPrivate: true }).ok).toBe(false);
    },
  );

  it('accepts public names and addresses; names are checked again, by address, when connecting', () => {
    expect(checkWebhookUrl('https://hooks.example.com/closeloop', { allowPrivate: false })).toEqual({ ok: true, url: new URL('https://hooks.example.com/closeloop') });
    expect(checkWebhookUrl('http://8.8.8.8/hook', { allowPrivate: false }).ok).toBe(true);
    expect(checkWebhookUrl('http://[2606:4700:4700::1111]/hook', { allowPrivate: false }).ok).toBe(true);
  });

  it('accepts private and loopback targets when the server allows them (the demo, tests)', () => {
    expect(checkWebhookUrl('http://127.0.0.1:9000/hook', { allowPrivate: true }).ok).toBe(true);
    expect(checkWebhookUrl('http://localhost:9000/hook', { allowPrivate: true }).ok).toBe(true);
  });

  it('says why, for the 422 the API answers', () => {
    expect(checkWebhookUrl('http://192.168.0.10/hook', { allowPrivate: false })).toEqual({
      ok: false,
      reason: 'must not point at 192.168.0.10, a private address',
    });
    expect(checkWebhookUrl('ftp://example.com/', { allowPrivate: false })).toEqual({ ok: false, reason: 'must be an http(s) URL' });
  });
});
