import { z } from 'zod';
import { Slug } from './ids.js';

/**
 * A test on the answer just given. `lte`/`gte`/`eq` compare a score (NPS, CSAT, CES, rating); `includes` matches a
 * choice answer holding the option id `value`; `skipped` matches when the visitor skipped the question.
 */
export const LogicCondition = z.discriminatedUnion('op', [
  z.object({ op: z.enum(['lte', 'gte', 'eq']), value: z.number() }),
  z.object({ op: z.literal('includes'), value: Slug }),
  z.object({ op: z.literal('skipped') }),
]);
export type LogicCondition = z.infer<typeof LogicCondition>;

/** `END` as a jump target: straight to the end screen. */
export const END = 'end';

/**
 * One branch after a question: when `if` matches (or always, without `if`), go to the question `goTo` or to the
 * end screen. Jumps go forward only, so a survey always ends.
 */
export const LogicRule = z.object({
  if: LogicCondition.optional(),
  goTo: z.union([z.literal(END), Slug]),
});
export type LogicRule = z.infer<typeof LogicRule>;
