import { scaleRange } from '@closeloop/sdk/schemas';
import type { CaseNotice, ScoreQuestionType } from './case-notice.js';

/** Each score's name, and a hint where a low number is not obviously the bad end. Every scale type needs one. */
const SCORE_WORDS: Record<ScoreQuestionType, { name: string; hint?: string }> = {
  nps: { name: 'NPS' },
  csat: { name: 'CSAT' },
  ces: { name: 'CES', hint: ' (1 = very difficult)' },
  rating: { name: 'Rating' },
};

/** `NPS 3/10`, `CES 2/7 (1 = very difficult)`: the score with its scale, so a 3 is not read as good or bad by guess. */
export function describeScore(score: NonNullable<CaseNotice['score']>): string {
  const [, max] = scaleRange({ type: score.questionType, scale: score.scale }) ?? [0, score.value];
  const { name, hint = '' } = SCORE_WORDS[score.questionType];
  return `${name} ${score.value}/${max}${hint}`;
}

/** `Jane Doe · jane@shop.example · user user-42`, or `Anonymous visitor` when nobody is known. */
export function describeCustomer(customer: CaseNotice['customer']): string {
  const parts = [customer?.name, customer?.email, customer?.userId === undefined ? undefined : `user ${customer.userId}`].filter(
    (part): part is string => part !== undefined && part !== '',
  );
  return parts.length === 0 ? 'Anonymous visitor' : parts.join(' · ');
}

/** `Email jane@shop.example`, `Phone +4712345678`, or `Declined to be contacted`: how support may answer. */
export function describeContact(contact: NonNullable<CaseNotice['contact']>): string {
  if (!contact.consent) return 'Declined to be contacted';
  return `${contact.channel === 'email' ? 'Email' : 'Phone'} ${contact.address}`;
}

/** `Survey “Checkout NPS”` or `Feedback button`. */
export function describeSource(source: CaseNotice['source']): string {
  return source.kind === 'survey' ? `Survey “${source.surveyName}”` : 'Feedback button';
}

/** `High`: the priority as staff read it. */
export function describePriority(priority: CaseNotice['priority']): string {
  return priority.charAt(0).toUpperCase() + priority.slice(1);
}

/** `2026-11-25 10:00 UTC`: unambiguous for readers in any time zone. */
export function describeDueAt(dueAt: Date): string {
  return `${dueAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
