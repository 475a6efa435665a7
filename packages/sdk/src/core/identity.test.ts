import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { memoryStorage } from '../test-support/memory-storage.js';
import { createIdentity } from './identity.js';

const SIGNATURE = 'a'.repeat(64);

describe('createIdentity', () => {
  beforeEach(() => vi.spyOn(console, 'warn').mockImplementation(() => {}));
  afterEach(() => vi.restoreAllMocks());

  test('makes a random anonymous id once and keeps it across page loads', () => {
    const storage = memoryStorage();
    const first = createIdentity(storage).respondent();
    expect(first.anonymousId).toMatch(/^[0-9a-f-]{36}$/);
    expect(createIdentity(storage).respondent()).toEqual(first);
    expect(createIdentity(memoryStorage()).respondent().anonymousId).not.toBe(first.anonymousId);
  });

  test('makes and stores no anonymous id until an answer needs one', () => {
    const storage = memoryStorage();
    const identity = createIdentity(storage);
    expect(identity.user()).toBeUndefined();
    identity.identify('user-1');
    expect(identity.user()).toEqual({ userId: 'user-1', attributes: undefined, signature: undefined });
    expect(storage.data.has('closeloop:anon')).toBe(false);
    const { anonymousId } = identity.respondent();
    expect(storage.data.get('closeloop:anon')).toBe(anonymousId);
  });

  test('identify() is persisted and attached to the respondent', () => {
    const storage = memoryStorage();
    createIdentity(storage).identify('user-1', { plan: 'pro', seats: 3 }, SIGNATURE);
    const respondent = createIdentity(storage).respondent();
    expect(respondent).toMatchObject({ userId: 'user-1', attributes: { plan: 'pro', seats: 3 }, signature: SIGNATURE });
  });

  test('reset() forgets the user and starts a new anonymous visitor', () => {
    const storage = memoryStorage();
    const identity = createIdentity(storage);
    const before = identity.respondent().anonymousId;
    identity.identify('user-1');
    identity.reset();
    const after = identity.respondent();
    expect(after.userId).toBeUndefined();
    expect(after.anonymousId).not.toBe(before);
    expect(createIdentity(storage).respondent()).toEqual(after);
    // Reset on a page that then answers nothing: the next page is a new visitor too, not the one before the reset.
    const other = createIdentity(storage);
    other.respondent();
    other.reset();
    expect(createIdentity(storage).respondent().anonymousId).not.toBe(after.anonymousId);
  });

  test('a malformed signature is dropped with one warning; an empty userId is ignored', () => {
    const identity = createIdentity(memoryStorage());
    identity.identify('user-1', undefined, 'not-hex');
    expect(identity.respondent().signature).toBeUndefined();
    expect(identity.respondent().userId).toBe('user-1');
    identity.identify('');
    expect(identity.respondent().userId).toBe('user-1');
    expect(console.warn).toHaveBeenCalledTimes(2);
  });

  test('attributes the server would refuse are cut down, not sent', () => {
    const identity = createIdentity(memoryStorage());
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`a${i}`, i]));
    identity.identify('user-1', { ...many, long: 'x'.repeat(600) });
    const attributes = identity.respondent().attributes ?? {};
    expect(Object.keys(attributes)).toHaveLength(50);
    identity.identify('user-1', { note: 'y'.repeat(600), ['k'.repeat(101)]: 1 });
    expect(identity.respondent().attributes).toEqual({ note: 'y'.repeat(500) });
  });

  test('a corrupt or foreign stored record is ignored, never thrown', () => {
    for (const raw of ['{oops', '"string"', '[1,2]', '{"userId":42}']) {
      const storage = memoryStorage({ 'closeloop:user': raw, 'closeloop:anon': 'anon-1' });
      expect(createIdentity(storage).respondent()).toEqual({ anonymousId: 'anon-1' });
    }
  });
});
