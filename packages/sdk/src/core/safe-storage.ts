import type { CloseloopOptions } from './types.js';

export type StorageLike = NonNullable<CloseloopOptions['storage']>;

/**
 * Wraps the given storage (default `localStorage`) so no read or write ever throws. Safari private mode, blocked
 * cookies and a full quota make `localStorage` throw; the value is then kept in memory, which keeps ids, caps and
 * the outbox consistent for the rest of this page view.
 */
export function safeStorage(given?: StorageLike): StorageLike {
  const memory = new Map<string, string>();
  let backing: StorageLike | undefined;
  try {
    backing = given ?? localStorage;
  } catch {
    // Reading `window.localStorage` itself throws when storage is blocked: memory only.
  }
  return {
    getItem(key) {
      const kept = memory.get(key);
      if (kept !== undefined) return kept;
      try {
        return backing?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    setItem(key, value) {
      try {
        // No backing storage throws a TypeError here, which lands in memory like any other refusal.
        backing!.setItem(key, value);
        memory.delete(key);
      } catch {
        memory.set(key, value);
      }
    },
    removeItem(key) {
      memory.delete(key);
      try {
        backing?.removeItem(key);
      } catch {
        // Nothing readable is left either way.
      }
    },
  };
}

/** The parsed JSON under `key`, or `undefined` when it is missing or not JSON: callers check the shape. */
export function readJson(storage: StorageLike, key: string): unknown {
  const raw = storage.getItem(key);
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}
