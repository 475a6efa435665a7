/**
 * Where a stream stands in the project's events: the highest position sent, and the positions below it not yet seen.
 * On PostgreSQL a sequence hands out positions as rows are inserted, but transactions commit in any order: position
 * 8 may become visible after 9 was sent. So a skipped position is kept as a gap and asked for again until it shows
 * up or a transaction could no longer be open (a rollback leaves a gap for good). SQLite has one writer, so it never
 * leaves gaps.
 */
export interface StreamCursor {
  position: number;
  /** Skipped position → when it was first skipped (ms). */
  gaps: Map<number, number>;
}

/** How long a skipped position is asked for again. */
export const GAP_WAIT_MS = 10_000;
/** At most this many open gaps: a sequence that jumps (PostgreSQL caches values) must not flood the query. */
const MAX_GAPS = 200;

export function cursorAt(position: number): StreamCursor {
  return { position, gaps: new Map() };
}

/** Records that the event at `position` was sent: a gap closes, or the cursor moves on and notes what it skipped. */
export function advance(cursor: StreamCursor, position: number, nowMs: number): void {
  if (position <= cursor.position) {
    cursor.gaps.delete(position);
    return;
  }
  for (let p = Math.max(cursor.position + 1, position - MAX_GAPS); p < position; p++) cursor.gaps.set(p, nowMs);
  cursor.position = position;
  while (cursor.gaps.size > MAX_GAPS) cursor.gaps.delete(cursor.gaps.keys().next().value as number);
}

/** Forgets gaps older than {@link GAP_WAIT_MS}; returns the ones still awaited. */
export function awaitedGaps(cursor: StreamCursor, nowMs: number): number[] {
  for (const [p, since] of cursor.gaps) if (nowMs - since > GAP_WAIT_MS) cursor.gaps.delete(p);
  return [...cursor.gaps.keys()];
}
