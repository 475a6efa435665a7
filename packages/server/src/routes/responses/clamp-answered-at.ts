/** How far back a browser's clock may place an answer: an outbox may hold an answer through a week offline. */
export const MAX_ANSWER_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The browser's `answeredAt` clamped to [now − 7 days, now]: a wrong client clock must not push a case's due
 * date into the future or the distant past. Returned as UTC ISO, whatever offset the client used.
 */
export function clampAnsweredAt(answeredAt: string, now: Date): string {
  const at = Date.parse(answeredAt);
  const clamped = Math.min(Math.max(at, now.getTime() - MAX_ANSWER_AGE_MS), now.getTime());
  return new Date(clamped).toISOString();
}
