import type { z } from 'zod';

export type FieldErrors = Record<string, string | undefined>;

/**
 * A schema's verdict on a form's values, as the first message per dotted path (`allowedOrigins.1`), so each field
 * shows its own error beside it before anything is sent; null when the values pass. `prefix` names where the value
 * sits in the request (`businessHours`), so the paths match the ones the server's 422 issues use.
 */
export function schemaErrors<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): { errors: FieldErrors; data: null } | { errors: null; data: z.output<S> } {
  const result = schema.safeParse(value);
  if (result.success) return { errors: null, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.') || '(root)';
    errors[path] ??= issue.message;
  }
  return { errors, data: null };
}
