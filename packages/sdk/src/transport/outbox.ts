import type { StorageLike } from '../core/safe-storage.js';
import { warn } from '../core/warn.js';
import { backoffDelay } from './backoff.js';
import { beacon } from './beacon.js';
import { kindOf, putEntry, readOutbox, removeEntry } from './outbox-store.js';
import type { OutboxEntry, OutboxKind } from './outbox-store.js';
import { postSubmission } from './post-submission.js';

/** Where each kind of entry is posted, below the host. */
const PATHS: Record<OutboxKind, string> = { response: '/v1/responses', feedback: '/v1/feedback' };

export interface OutboxOptions {
  /** The Closeloop server's origin, without a trailing slash: entries go to `/v1/responses` or `/v1/feedback`. */
  host: string;
  storage: StorageLike;
  /** Aborting it removes the `online` and `pagehide` listeners and the retry timer, and stops sending. */
  signal: AbortSignal;
  /** Milliseconds before retry number `attempt` (0-based). */
  retryDelay?: (attempt: number) => number;
  /** Told when the server accepted an entry and opened a follow-up case for it. */
  onFollowUp?: (entry: OutboxEntry, followUpId: string) => void;
}

export interface Outbox {
  /** Persists `submission` (a response step replaces the same response's entry), then sends. */
  put(submission: OutboxEntry): void;
  /** Sends everything queued now; resolves when this round is over (sent, refused or scheduled for retry). */
  flush(): Promise<void>;
}

/**
 * Durable, ordered delivery of responses and feedback: every submission is written to storage before it is sent, and leaves
 * storage only once the server accepted it or refused it for good. Entries go one at a time, oldest first, so
 * revisions of one response reach the server in order.
 */
export function createOutbox({ host, storage, signal, retryDelay = backoffDelay, onFollowUp }: OutboxOptions): Outbox {
  const urlOf = (entry: OutboxEntry) => host + PATHS[kindOf(entry)];
  let running: Promise<void> | undefined;
  let again = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: string | undefined;

  async function drain(): Promise<void> {
    clearTimeout(timer);
    do {
      again = false;
      for (const entry of readOutbox(storage)) {
        const body = JSON.stringify(entry);
        inFlight = body;
        const outcome = await postSubmission(urlOf(entry), body);
        inFlight = undefined;
        if ('retry' in outcome) {
          // Destroyed meanwhile: the entry waits for the next page load, and this instance stays silent.
          if (signal.aborted) return;
          // One line per outage, not per attempt: the console of a visitor offline for an hour stays readable.
          if (!attempt) warn(`could not send ${kindOf(entry)} ${entry.id} (${outcome.retry}), retrying`);
          // Offline (as the browser knows it), retrying only burns the backoff: `online` resumes at once instead. A server that
          // said when to come back (503 or 429 with Retry-After, in seconds) is not asked sooner; ten minutes at most, as
          // a wrong header must not park the answers for the page's whole life (the next page sends them anyway).
          if (navigator.onLine) timer = setTimeout(flush, Math.max(retryDelay(attempt++), Math.min(outcome.wait! * 1e3, 6e5) || 0));
          return;
        }
        attempt = 0;
        if ('refused' in outcome) warn(`the server refused ${kindOf(entry)} ${entry.id} for good: ${outcome.refused}`);
        else if (typeof outcome.followUpId == 'string') onFollowUp?.(entry, outcome.followUpId);
        removeEntry(storage, entry.id, body);
        if (signal.aborted) return;
      }
    } while (again);
  }

  function flush(): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    if (running) {
      // Picked up by the round in progress, once its current request is over.
      again = true;
      return running;
    }
    return (running = drain().finally(() => (running = undefined)));
  }

  window.addEventListener('online', () => void flush(), { signal });
  window.addEventListener(
    'pagehide',
    () => {
      for (const entry of readOutbox(storage)) {
        const body = JSON.stringify(entry);
        // A keepalive fetch already carries this exact revision.
        if (body !== inFlight) beacon(urlOf(entry), body);
      }
    },
    { signal },
  );
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });

  return {
    put(submission) {
      if (signal.aborted) return;
      putEntry(storage, submission);
      void flush();
    },
    flush,
  };
}
