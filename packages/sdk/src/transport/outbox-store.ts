import { isRecord } from '../core/is-record.js';
import { readJson, type StorageLike } from '../core/safe-storage.js';
import { warn } from '../core/warn.js';
import type { FeedbackSubmission } from '../schemas/feedback-submission.js';
import type { ResponseSubmission } from '../schemas/response-submission.js';

export const OUTBOX_KEY = 'closeloop:outbox';

/**
 * What the outbox delivers: survey answers and feedback. An entry is stored as exactly the body that is sent, and
 * its kind is told by its shape (a response has `surveyId` and `answers`, feedback `category` and `comment`), so
 * the responses written by earlier versions, which carry no kind, are read as they always were, and a tab still
 * running an earlier version reads the responses this one writes.
 */
export type OutboxEntry = ResponseSubmission | FeedbackSubmission;
export type OutboxKind = 'response' | 'feedback';

/** The kind of an entry that passed {@link readOutbox}'s guards. */
export function kindOf(entry: OutboxEntry): OutboxKind {
  return 'surveyId' in entry ? 'response' : 'feedback';
}
/** Far more than a visitor answers; bounded so a server that is down for days cannot fill the site's storage. */
const MAX_ENTRIES = 100;

/**
 * The queued entries, oldest first, one per id. Read from storage on every use rather than kept in
 * memory, so two tabs of the same site never overwrite each other's entries. Whatever does not look like a
 * response or feedback (corrupt JSON, another script's data under our key) is dropped with one warning.
 */
export function readOutbox(storage: StorageLike): OutboxEntry[] {
  const raw = storage.getItem(OUTBOX_KEY);
  if (raw === null) return [];
  const value = readJson(storage, OUTBOX_KEY);
  const list: unknown[] = Array.isArray(value) ? value : [value];
  const entries = list.filter(isEntry);
  if (entries.length < list.length) {
    warn(`dropped ${list.length - entries.length} unreadable outbox entries`);
    writeOutbox(storage, entries);
  }
  return entries;
}

export function writeOutbox(storage: StorageLike, entries: OutboxEntry[]): void {
  if (entries.length) storage.setItem(OUTBOX_KEY, JSON.stringify(entries));
  else storage.removeItem(OUTBOX_KEY);
}

/** Queues `submission`, replacing the entry of the same id: a response's latest carries every answer so far. */
export function putEntry(storage: StorageLike, submission: OutboxEntry): void {
  const entries = readOutbox(storage).filter((entry) => entry.id !== submission.id);
  entries.push(submission);
  const excess = entries.length - MAX_ENTRIES;
  if (excess > 0) {
    warn(`outbox full: dropped the ${excess} oldest entries`);
    entries.splice(0, excess);
  }
  writeOutbox(storage, entries);
}

/**
 * Removes the entry `id` if it is still exactly what was sent (`body`): a newer revision queued while
 * the request was in flight stays, to be sent next.
 */
export function removeEntry(storage: StorageLike, id: string, body: string): void {
  const entries = readOutbox(storage);
  const index = entries.findIndex((entry) => entry.id === id);
  if (index >= 0 && JSON.stringify(entries[index]) === body) {
    entries.splice(index, 1);
    writeOutbox(storage, entries);
  }
}

/** A response (`surveyId` + `answers`) or a feedback (`category` + `comment`), with the fields every entry has. */
function isEntry(value: unknown): value is OutboxEntry {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    isRecord(value.respondent) &&
    isRecord(value.context) &&
    ('surveyId' in value
      ? typeof value.surveyId === 'string' && isRecord(value.answers)
      : typeof value.category === 'string' && typeof value.comment === 'string')
  );
}
