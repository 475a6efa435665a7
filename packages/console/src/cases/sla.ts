import type { FollowUp } from '@closeloop/sdk/schemas';
import type { BadgeTone } from '../ui/badge.js';

/** "2 h 5 min", "3 d 4 h", "45 min": a duration as support staff read it, coarse above a day. */
export function durationText(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** Within this of its due time an open case is shown as a warning. */
const SOON_MS = 60 * 60_000;

/**
 * The SLA badge of a case: time left, or how long overdue, in words (the colour only repeats them); resolved and
 * closed cases are past their SLA clock.
 */
export function slaBadge(followUp: Pick<FollowUp, 'status' | 'dueAt'>, now: number): { tone: BadgeTone; text: string } {
  if (followUp.status === 'resolved' || followUp.status === 'closed') return { tone: 'neutral', text: 'SLA done' };
  const left = Date.parse(followUp.dueAt) - now;
  if (left < 0) return { tone: 'danger', text: `Overdue by ${durationText(-left)}` };
  return { tone: left < SOON_MS ? 'warning' : 'info', text: `${durationText(left)} left` };
}
