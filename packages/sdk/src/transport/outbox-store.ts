import { isRecord } from '../core/is-record.js';
import { readJson, type StorageLike } from '../core/safe-storage.js';
import { warn } from '../core/warn.js';
import type { ResponseSubmission } from '../schemas/response-submission.js';

export const OUTBOX_KEY = 'closeloop:outbox';
/** Far more than a visitor answers; bounded so a server that is down for days cannot fill the site's storage. */
const MAX_ENTRIES = 100;

/**
 * The queued submissions, oldest first, one per response id. Read from storage on every use rather than kept in
 * memory, so two tabs of the same site never overwrite each other's entries. Whatever does not look like a
 * submission (corrupt JSON, another script's data under our key) is dropped with one warning.
 */
export function readOutbox(storage: StorageLike): ResponseSubmission[] {
  const raw = storage.getItem(OUTBOX_KEY);
  if (raw === null) return [];
  const value = readJson(storage, OUTBOX_KEY);
  const list: unknown[] = Array.isArray(value) ? value : [value];
  const entries = list.filter(isSubmission);
  if (entries.length < list.length) {
    warn(`dropped ${list.length - entries.length} unreadable queued response(s) from storage`);
    writeOutbox(storage, entries);
  }
  return entries;
}

export function writeOutbox(storage: StorageLike, entries: ResponseSubmission[]): void {
  if (entries.length) storage.setItem(OUTBOX_KEY, JSON.stringify(entries));
  else storage.removeItem(OUTBOX_KEY);
}

/** Queues `submission`, replacing the entry of the same response: it carries every answer so far. */
export function putEntry(storage: StorageLike, submission: ResponseSubmission): void {
  const entries = readOutbox(storage).filter((entry) => entry.id !== submission.id);
  entries.push(submission);
  const excess = entries.length - MAX_ENTRIES;
  if (excess > 0) {
    warn(`the outbox is full; dropped the ${excess} oldest undelivered response(s)`);
    entries.splice(0, excess);
  }
  writeOutbox(storage, entries);
}

/**
 * Removes the entry of response `id` if it is still exactly what was sent (`body`): a newer revision queued while
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

function isSubmission(value: unknown): value is ResponseSubmission {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.surveyId === 'string' &&
    isRecord(value.answers) &&
    isRecord(value.respondent) &&
    isRecord(value.context)
  );
}
