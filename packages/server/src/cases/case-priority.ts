import type { AttributeValue, CustomerValue, FollowUpPriority, QuestionType } from '@closeloop/sdk/schemas';
import { PRIORITY_RANK } from '../repos/cases.js';

/** The score that opened a case, with the kind of question it answered; null for a feedback problem. */
export interface ScoreOf {
  type: QuestionType;
  value: number;
}

/**
 * A case's priority: from the score (NPS 0–3, CSAT 1 and CES 1 "very difficult" are `high`; any other score and a
 * feedback problem `normal`), raised, never lowered, by the customer's value tier (`mrr` ≥ 1000 → `urgent`), so
 * the customers who matter most to the business come first in the queue.
 */
export function casePriority(score: ScoreOf | null, customerValue: CustomerValue | null, attributes: Readonly<Record<string, AttributeValue>>): FollowUpPriority {
  const base = score !== null && isAngry(score) ? 'high' : 'normal';
  const raised = customerValue === null ? null : customerTierPriority(customerValue, attributes[customerValue.attribute]);
  return raised !== null && PRIORITY_RANK[raised] < PRIORITY_RANK[base] ? raised : base;
}

/** The highest score that is `high` priority, per question type; null where no score raises it (a rating means what was rated). */
const ANGRY_AT_MOST: Record<QuestionType, number | null> = {
  nps: 3,
  csat: 1,
  ces: 1,
  rating: null,
  single_choice: null,
  multiple_choice: null,
  text: null,
  cta: null,
  contact: null,
};

function isAngry({ type, value }: ScoreOf): boolean {
  const most = ANGRY_AT_MOST[type];
  return typeof most === 'number' && value <= most;
}

/**
 * The priority of the first tier the attribute's value falls in: `min` takes a number (or a number sent as text,
 * `"1200"`), `equals` a text value (`plan: "enterprise"`). Null when no tier holds or the attribute is missing.
 */
function customerTierPriority({ tiers }: CustomerValue, value: AttributeValue | undefined): FollowUpPriority | null {
  if (value === undefined || value === null) return null;
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  for (const tier of tiers) {
    if (tier.min !== undefined && Number.isFinite(number) && number >= tier.min) return tier.priority;
    if (tier.equals !== undefined && typeof value === 'string' && tier.equals.includes(value)) return tier.priority;
  }
  return null;
}
