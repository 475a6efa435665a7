import { scaleRange } from '@closeloop/sdk/schemas';
import type { CaseNotice } from './case-notice.js';

const SCORE_NAMES = { nps: 'NPS', csat: 'CSAT', ces: 'CES', rating: 'Rating' } as const;

/** `NPS 3/10`, `CES 2/7 (1 = very difficult)`: the score with its scale, so a 3 is not read as good or bad by guess. */
export function describeScore(score: NonNullable<CaseNotice['score']>): string {
  const [, max] = scaleRange({ type: score.questionType, scale: score.scale }) ?? [0, score.value];
  const hint = score.questionType === 'ces' ? ' (1 = very difficult)' : '';
  return `${SCORE_NAMES[score.questionType]} ${score.value}/${max}${hint}`;
}

/** `Jane Doe · jane@shop.example · user user-42`, or `Anonymous visitor` when nobody is known. */
export function describeCustomer(customer: CaseNotice['customer']): string {
  const parts = [customer?.name, customer?.email, customer?.userId === undefined ? undefined : `user ${customer.userId}`].filter(
    (part): part is string => part !== undefined && part !== '',
  );
  return parts.length === 0 ? 'Anonymous visitor' : parts.join(' · ');
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
