import { matchesCondition, matchUrl } from '@closeloop/sdk/logic';
import type { PageUrl } from '@closeloop/sdk/logic';
import type { AnswerValue, AttributeValue, FeedbackRoutingRule, RoutingAttributeCondition, RoutingRule, RoutingTarget } from '@closeloop/sdk/schemas';

/** What routing rules test: the page the customer was on, their answers (none for feedback), their attributes. */
export interface RoutingFacts {
  /** The page's URL as sent with the answer or feedback. */
  url: string;
  answers: Readonly<Record<string, AnswerValue>>;
  attributes: Readonly<Record<string, AttributeValue>>;
}

/**
 * Where the first rule that holds sends the case, or null (no rule holds: the case stays unassigned). A rule holds
 * when every condition in its `if` does; an empty `if` always holds.
 */
export function routingTarget(rules: readonly (RoutingRule | FeedbackRoutingRule)[], facts: RoutingFacts): RoutingTarget | null {
  const page = pageOf(facts.url);
  for (const rule of rules) {
    const { url, attribute } = rule.if;
    const answer = 'answer' in rule.if ? rule.if.answer : undefined;
    if (url !== undefined && (page === null || !matchUrl(url, page))) continue;
    if (answer !== undefined && !matchesCondition(answer, facts.answers[answer.question])) continue;
    if (attribute !== undefined && !attributeHolds(attribute, facts.attributes[attribute.name])) continue;
    return rule.to;
  }
  return null;
}

function pageOf(url: string): PageUrl | null {
  try {
    const parsed = new URL(url);
    return { path: parsed.pathname, url: parsed.href };
  } catch {
    return null;
  }
}

function attributeHolds(condition: RoutingAttributeCondition, value: AttributeValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  switch (condition.op) {
    case 'eq':
      return value === condition.value;
    case 'in':
      return condition.value.includes(value);
    case 'gte':
      return typeof value === 'number' && value >= condition.value;
    case 'lte':
      return typeof value === 'number' && value <= condition.value;
  }
}
