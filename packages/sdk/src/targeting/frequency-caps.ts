import { isRecord } from '../core/is-record.js';
import { readJson, type StorageLike } from '../core/safe-storage.js';
import type { AnsweredSurvey } from '../schemas/answered-survey.js';
import type { Frequency } from '../schemas/frequency.js';

const KEY = 'closeloop:caps';
const DAY = 86_400_000;

/** Per survey: how many times it showed, when it last showed, when it was last answered or dismissed (ms). */
interface SurveyRecord {
  n: number;
  shown: number;
  done: number;
}
interface Record_ {
  surveys: Record<string, SurveyRecord>;
  /** When this visitor last saw any survey: the global cooldown counts from it. */
  last: number;
}

export interface Caps {
  /** Whether `survey` may show automatically now: not yet in this page view, and within its frequency. */
  allows(survey: { id: string; frequency?: Frequency | undefined }, now?: number): boolean;
  markShown(surveyId: string, now?: number): void;
  /** Answered to the end or dismissed: a dismissal counts as an answer. */
  markDone(surveyId: string, now?: number): void;
  /** What the server knows this identified user answered, on any device. */
  sync(answered: readonly AnsweredSurvey[]): void;
}

/** Frequency caps per visitor, persisted in storage and read on every check (another tab may have shown a survey). */
export function createCaps(storage: StorageLike): Caps {
  const thisPage = new Set<string>();
  const read = (): Record_ => {
    const value = readJson(storage, KEY);
    return isRecord(value) && isRecord(value.surveys) && typeof value.last === 'number' ? (value as unknown as Record_) : { surveys: {}, last: 0 };
  };
  const update = (change: (record: Record_) => void) => {
    const record = read();
    // One small record per survey the visitor met: bounded by the project's surveys, so no pruning is needed.
    change(record);
    storage.setItem(KEY, JSON.stringify(record));
  };

  return {
    allows({ id, frequency }, now = Date.now()) {
      if (thisPage.has(id)) return false;
      const { surveys, last } = read();
      const { n, shown, done } = surveys[id] ?? { n: 0, shown: 0, done: 0 };
      const { mode = 'until-answered', days = 0, maxTimes, cooldownDays } = frequency ?? {};
      if (maxTimes !== undefined && n >= maxTimes) return false;
      if (cooldownDays && now - last < cooldownDays * DAY) return false;
      if (mode === 'once') return !n && !done;
      if (mode === 'every') return now - Math.max(shown, done) >= days * DAY;
      return !done;
    },
    markShown(surveyId, now = Date.now()) {
      thisPage.add(surveyId);
      update((record) => {
        const survey = entry(record, surveyId);
        survey.n++;
        survey.shown = record.last = now;
      });
    },
    markDone(surveyId, now = Date.now()) {
      update((record) => {
        entry(record, surveyId).done = now;
      });
    },
    sync(answered) {
      // Nothing answered elsewhere (every anonymous visitor): nothing to write.
      if (!answered.length) return;
      update((record) => {
        for (const { surveyId, at } of answered) {
          const time = Date.parse(at) || 0;
          const survey = entry(record, surveyId);
          survey.done = Math.max(survey.done, time);
          record.last = Math.max(record.last, time);
        }
      });
    },
  };
}

function entry(record: Record_, surveyId: string): SurveyRecord {
  const found = record.surveys[surveyId];
  return isRecord(found) ? found : (record.surveys[surveyId] = { n: 0, shown: 0, done: 0 });
}
