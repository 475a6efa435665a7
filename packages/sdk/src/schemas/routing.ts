import { z } from 'zod';
import { Slug, Uuid } from './ids.js';
import { UrlRules } from './url-rules.js';

/**
 * A test of the customer's answer to `question`: a score compared (`lte`, `gte`, `eq`), or a choice answer holding
 * the option `value` (`includes`), evaluated with the same `matchesCondition` as the widget's next-step logic.
 */
export const RoutingAnswerCondition = z.discriminatedUnion('op', [
  z.object({ question: Slug, op: z.enum(['lte', 'gte', 'eq']), value: z.number() }),
  z.object({ question: Slug, op: z.literal('includes'), value: Slug }),
]);
export type RoutingAnswerCondition = z.infer<typeof RoutingAnswerCondition>;

const AttributeScalar = z.union([z.string().max(500), z.number(), z.boolean()]);

/**
 * A test of one of the respondent's `identify()` attributes: `eq` one value, `in` a list of values, `gte`/`lte` a
 * number (an attribute that is not a number fails them). A respondent without the attribute fails every test.
 */
export const RoutingAttributeCondition = z.discriminatedUnion('op', [
  z.object({ name: z.string().min(1).max(100), op: z.literal('eq'), value: AttributeScalar }),
  z.object({ name: z.string().min(1).max(100), op: z.literal('in'), value: z.array(AttributeScalar).min(1).max(100) }),
  z.object({ name: z.string().min(1).max(100), op: z.enum(['gte', 'lte']), value: z.number() }),
]);
export type RoutingAttributeCondition = z.infer<typeof RoutingAttributeCondition>;

/** Where a routed case goes: to a team (its members take turns, away members skipped), or to one member. */
export const RoutingTarget = z.union([z.strictObject({ teamId: Uuid }), z.strictObject({ memberId: Uuid })], {
  error: 'must be { teamId } or { memberId }',
});
export type RoutingTarget = z.infer<typeof RoutingTarget>;

const routingIf = {
  /** The page the customer answered on (or sent the feedback from). */
  url: UrlRules.optional(),
  attribute: RoutingAttributeCondition.optional(),
};

/**
 * One routing rule of a survey: when every condition given in `if` holds (an empty `if` always holds: "this survey
 * goes to …"), the case goes `to` a team or member. Rules are tried in order; the first that holds wins.
 */
export const RoutingRule = z.strictObject({
  if: z.strictObject({ ...routingIf, answer: RoutingAnswerCondition.optional() }).default({}),
  to: RoutingTarget,
});
export type RoutingRule = z.infer<typeof RoutingRule>;
export type RoutingRuleInput = z.input<typeof RoutingRule>;

/** A routing rule for feedback-button problems (project settings): a feedback has no answers to test. */
export const FeedbackRoutingRule = z.strictObject({
  if: z.strictObject(routingIf).default({}),
  to: RoutingTarget,
});
export type FeedbackRoutingRule = z.infer<typeof FeedbackRoutingRule>;
