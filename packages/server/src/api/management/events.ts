import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { FollowUpStreamEvent } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../../app-env.js';
import { onCaseEvents } from '../../case-stream/wake.js';
import { advance, awaitedGaps, cursorAt } from '../../case-stream/stream-cursor.js';
import type { StreamCursor } from '../../case-stream/stream-cursor.js';
import type { Db } from '../../db/db.js';
import { requirePermission } from '../../middleware/require-permission/index.js';
import { latestStreamPosition, listStreamEvents, streamPositionOf } from '../../repos/case-events.js';

export interface EventStreamOptions {
  /** How often the database is read for other instances' events. Default 1 s. */
  pollMs?: number;
  /** How long a quiet stream waits before a `: ping` comment, so proxies keep it open. Default 15 s. */
  pingMs?: number;
  /** Ends every open stream (the server is stopping). */
  signal?: AbortSignal;
}

/** Events read per query: a stream far behind catches up in pages. */
const PAGE = 100;

/**
 * `GET /api/v1/events`: server-sent events, one `follow_up` message per new timeline event of the project's cases
 * (`id`: the event's id; `data`: caseId, kind, at). A reconnecting EventSource sends `Last-Event-ID` and gets what it
 * missed; without one, the stream starts at the latest event. This instance's commits wake the stream at once; a
 * poll picks up other instances' events.
 */
export function eventsApi({ db, pollMs = 1_000, pingMs = 15_000, signal }: EventStreamOptions & { db: Db }): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/', requirePermission('cases:read'), async (c) => {
    const projectId = c.get('principal').project.id;
    const lastEventId = c.req.header('last-event-id')?.trim();
    const resumeAt = lastEventId ? await streamPositionOf(db.kysely, projectId, lastEventId).catch(() => null) : null;
    // An unknown id (erased with its case, or from another project) resumes from now, never from the start.
    const cursor = cursorAt(resumeAt ?? (await latestStreamPosition(db.kysely, projectId)));
    c.header('Cache-Control', 'no-store');
    // Tells proxies that buffer responses (nginx) not to hold the stream back.
    c.header('X-Accel-Buffering', 'no');

    return streamSSE(
      c,
      async (stream) => {
        let wake: (() => void) | undefined;
        // A commit between a read and the wait must not wait for the poll: remembered, the next wait returns at once.
        let woken = false;
        const unsubscribe = onCaseEvents(() => {
          woken = true;
          wake?.();
        });
        const stop = () => wake?.();
        signal?.addEventListener('abort', stop);
        stream.onAbort(stop);
        let lastWrite = Date.now();
        try {
          while (!stream.aborted && !stream.closed && !signal?.aborted) {
            const sent = await sendNewEvents(db, projectId, cursor, (message) => stream.writeSSE(message));
            if (sent > 0) lastWrite = Date.now();
            if (sent === PAGE) continue;
            if (Date.now() - lastWrite >= pingMs) {
              await stream.write(': ping\n\n');
              lastWrite = Date.now();
            }
            if (woken) {
              woken = false;
              continue;
            }
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, Math.min(pollMs, pingMs));
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
            wake = undefined;
            woken = false;
          }
        } finally {
          unsubscribe();
          signal?.removeEventListener('abort', stop);
        }
      },
      async (error) => {
        // The client reconnects with Last-Event-ID; the log says why the stream ended.
        c.get('logger')?.warn({ requestId: c.get('requestId'), err: error }, 'event stream ended');
      },
    );
  });
}

async function sendNewEvents(db: Db, projectId: string, cursor: StreamCursor, write: (message: { id: string; event: string; data: string }) => Promise<void>): Promise<number> {
  const events = await listStreamEvents(db.kysely, projectId, cursor.position, awaitedGaps(cursor, Date.now()), PAGE);
  for (const event of events) {
    const data: FollowUpStreamEvent = { caseId: event.caseId, kind: event.type, at: event.at };
    await write({ id: event.id, event: 'follow_up', data: JSON.stringify(data) });
    advance(cursor, event.position, Date.now());
  }
  return events.length;
}
