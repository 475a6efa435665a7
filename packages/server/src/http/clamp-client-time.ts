/** How far back a browser's clock may place a submission: an outbox may hold one through a week offline. */
export const MAX_CLIENT_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * A browser's timestamp (`answeredAt`, `sentAt`) clamped to [now − 7 days, now]: a wrong client clock must not
 * push a case's due date into the future or the distant past. Returned as UTC ISO, whatever offset the client used.
 */
export function clampClientTime(clientTime: string, now: Date): string {
  const at = Date.parse(clientTime);
  const clamped = Math.min(Math.max(at, now.getTime() - MAX_CLIENT_AGE_MS), now.getTime());
  return new Date(clamped).toISOString();
}
