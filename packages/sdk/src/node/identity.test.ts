import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signIdentity, verifyIdentity } from './identity.js';

describe('signIdentity', () => {
  it('is the hex HMAC-SHA256 of the user id with the secret', () => {
    const expected = createHmac('sha256', 's3cret').update('user-42').digest('hex');
    expect(signIdentity('s3cret', 'user-42')).toBe(expected);
    expect(signIdentity('s3cret', 'user-42')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('verifyIdentity', () => {
  const signature = signIdentity('s3cret', 'user-42');

  it('accepts the signature of the same user with the same secret', () => {
    expect(verifyIdentity('s3cret', 'user-42', signature)).toBe(true);
  });

  it('rejects another user, another secret, and malformed signatures', () => {
    expect(verifyIdentity('s3cret', 'user-43', signature)).toBe(false);
    expect(verifyIdentity('other', 'user-42', signature)).toBe(false);
    expect(verifyIdentity('s3cret', 'user-42', signature.toUpperCase())).toBe(false);
    expect(verifyIdentity('s3cret', 'user-42', signature.slice(0, 62))).toBe(false);
    expect(verifyIdentity('s3cret', 'user-42', '')).toBe(false);
  });
});
