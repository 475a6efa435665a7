import { z } from 'zod';

/** Every 4xx/5xx reply: a stable machine `code`, a sentence for people, and for bad input the fields at fault. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
export type ErrorIssue = NonNullable<ErrorBody['error']['issues']>[number];
