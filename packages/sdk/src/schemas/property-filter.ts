import { z } from 'zod';

const NUMERIC = new Set(['gt', 'gte', 'lt', 'lte']);

/**
 * A test of one property of a custom event (`track('checkout_completed', { total: 120 })` with
 * `{ property: 'total', op: 'gt', value: 100 }`) or of one `identify()` attribute. `gt`/`gte`/`lt`/`lte` compare
 * numbers, `contains` looks for a substring, `in` for one of several values, `exists` needs no value.
 */
export const PropertyFilter = z
  .object({
    property: z.string().min(1).max(100),
    op: z.enum(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'contains', 'in', 'exists']),
    value: z.union([z.string().max(500), z.number(), z.boolean(), z.array(z.union([z.string().max(500), z.number()])).max(100)]).optional(),
  })
  .superRefine((filter, ctx) => {
    const { op, value } = filter;
    const problem =
      op === 'exists'
        ? value !== undefined && '"exists" takes no value'
        : value === undefined
          ? `"${op}" needs a value`
          : NUMERIC.has(op) && typeof value !== 'number'
            ? `"${op}" compares numbers: value must be a number`
            : op === 'in' && !Array.isArray(value)
              ? '"in" needs a list of values'
              : op === 'contains' && typeof value !== 'string'
                ? '"contains" needs a string'
                : op !== 'in' && Array.isArray(value) && 'a list of values needs "in"';
    if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  });
export type PropertyFilter = z.infer<typeof PropertyFilter>;
