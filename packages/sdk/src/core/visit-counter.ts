import type { VisitCounts } from '../triggers/visits.js';
import { readJson, type StorageLike } from './safe-storage.js';

const KEY = 'closeloop:visits';
/** A visitor idle this long starts a new session, as in most analytics tools. */
const SESSION_GAP = 30 * 60_000;

export interface VisitCounter {
  /** Counts one page view (a page load or a route change), and a new session after 30 idle minutes. */
  count(now: number): void;
  counts(): VisitCounts;
}

export function createVisitCounter(storage: StorageLike): VisitCounter {
  // Stored as [pageViews, sessions, last seen ms]: read on every page view, so kept small.
  const read = (): [number, number, number] => {
    const value = readJson(storage, KEY);
    return Array.isArray(value) && value.length === 3 && value.every((n) => typeof n === 'number') ? (value as [number, number, number]) : [0, 0, 0];
  };
  return {
    count(now) {
      const [pageViews, sessions, at] = read();
      storage.setItem(KEY, JSON.stringify([pageViews + 1, now - at > SESSION_GAP ? sessions + 1 : sessions, now]));
    },
    counts() {
      const [pageViews, sessions] = read();
      return { pageViews, sessions };
    },
  };
}
