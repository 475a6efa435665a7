import { readJson, type StorageLike } from './safe-storage.js';

const DONE_KEY = 'closeloop:done';
/** Enough for any real project; bounded so the record never grows with the visitor's history. */
const MAX_DONE = 50;

export interface Caps {
  /** Not yet shown in this page view, and never answered to the end nor dismissed by this visitor. */
  canAutoShow(surveyId: string): boolean;
  isDone(surveyId: string): boolean;
  markShown(surveyId: string): void;
  /** Answered to the end or dismissed: persisted, so the survey never shows again automatically. */
  markDone(surveyId: string): void;
}

export function createCaps(storage: StorageLike): Caps {
  const shown = new Set<string>();
  // Read on every check, not cached: another tab may have finished the survey meanwhile.
  const done = (): string[] => {
    const value = readJson(storage, DONE_KEY);
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  };
  const isDone = (surveyId: string) => done().includes(surveyId);
  return {
    canAutoShow: (surveyId) => !shown.has(surveyId) && !isDone(surveyId),
    isDone,
    markShown(surveyId) {
      shown.add(surveyId);
    },
    markDone(surveyId) {
      const next = [...done().filter((id) => id !== surveyId), surveyId].slice(-MAX_DONE);
      storage.setItem(DONE_KEY, JSON.stringify(next));
    },
  };
}
