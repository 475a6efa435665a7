import { describe, expect, test } from 'vitest';
import { memoryStorage } from '../test-support/memory-storage.js';
import { readJson, safeStorage } from './safe-storage.js';

describe('safeStorage', () => {
  test('reads and writes through to the given storage', () => {
    const backing = memoryStorage();
    const storage = safeStorage(backing);
    storage.setItem('k', 'v');
    expect(backing.data.get('k')).toBe('v');
    expect(storage.getItem('k')).toBe('v');
    storage.removeItem('k');
    expect(backing.data.has('k')).toBe(false);
  });

  test('falls back to memory when every call throws (Safari private mode, blocked storage)', () => {
    const throwing = {
      getItem: () => { throw new Error('SecurityError'); },
      setItem: () => { throw new Error('SecurityError'); },
      removeItem: () => { throw new Error('SecurityError'); },
    };
    const storage = safeStorage(throwing);
    expect(storage.getItem('k')).toBeNull();
    storage.setItem('k', 'v');
    expect(storage.getItem('k')).toBe('v');
    storage.removeItem('k');
    expect(storage.getItem('k')).toBeNull();
  });

  test('keeps a value in memory when the quota is full, and it wins over the stale stored one', () => {
    const backing = memoryStorage({ k: 'old' });
    const storage = safeStorage({ ...backing, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } });
    storage.setItem('k', 'new');
    expect(storage.getItem('k')).toBe('new');
    expect(backing.data.get('k')).toBe('old');
  });

  test('defaults to window.localStorage', () => {
    safeStorage().setItem('closeloop:test', 'x');
    expect(localStorage.getItem('closeloop:test')).toBe('x');
    localStorage.removeItem('closeloop:test');
  });
});

describe('readJson', () => {
  test('gives undefined for a missing or corrupt value instead of throwing', () => {
    const storage = memoryStorage({ bad: '{not json', good: '[1]' });
    expect(readJson(storage, 'missing')).toBeUndefined();
    expect(readJson(storage, 'bad')).toBeUndefined();
    expect(readJson(storage, 'good')).toEqual([1]);
  });
});
