import type { StorageLike } from '../core/safe-storage.js';

/** A fresh storage per test, so tests never share ids, caps or outbox entries through happy-dom's localStorage. */
export function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}
