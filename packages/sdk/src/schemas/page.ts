import { z } from 'zod';

/** A page of a management list: newest first, `nextCursor` is passed back as `?cursor=` for the next page. */
export function Page<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

/** Query of a management list. Strict: a parameter the list does not know (a typo, a filter it lacks) is refused by
 * name rather than ignored, which would answer a filtered question with an unfiltered list. */
export const ListQuery = z.strictObject({
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(200, 'must be at most 200')
    .default(50),
  cursor: z.string().max(200).optional(),
});
