import { z } from 'zod';

/** A page of a management list: newest first, `nextCursor` is passed back as `?cursor=` for the next page. */
export function Page<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

/** Query of a management list. */
export const ListQuery = z.object({
  limit: z.coerce.number({ error: 'must be a number' }).int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
