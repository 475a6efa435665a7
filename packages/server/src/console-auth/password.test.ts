import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';

describe('console passwords', () => {
  it('hashes with scrypt, a fresh salt and the parameters stored, and checks only the right password', async () => {
    const one = await hashPassword('correct horse');
    const two = await hashPassword('correct horse');
    expect(one).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(one).not.toBe(two);
    expect(await verifyPassword('correct horse', one)).toBe(true);
    expect(await verifyPassword('correct horse ', one)).toBe(false);
    expect(await verifyPassword('', one)).toBe(false);
  });

  it('matches nothing against a malformed stored hash', async () => {
    for (const stored of ['', 'plain', 'scrypt$0$8$1$abc$def', 'bcrypt$1$2$3$4$5']) expect(await verifyPassword('x', stored)).toBe(false);
  });
});
