import type { z } from 'zod';
import type { ErrorIssue } from '@closeloop/sdk/schemas';
import { HttpError } from './http-error.js';

/** Zod issues as `{ path, message }` with dotted paths (`answers.nps`), `prefix` naming where the input came from. */
export function issuesFromZod(error: z.ZodError, prefix = ''): ErrorIssue[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.');
    return { path: path || '(root)', message: issue.message };
  });
}

/** Parses untrusted input or throws a 400 that names every field at fault. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string, prefix = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = issuesFromZod(result.error, prefix);
  const fields = [...new Set(issues.map((i) => i.path))].join(', ');
  throw new HttpError(400, 'invalid_request', `Invalid ${what}: ${fields}`, { issues });
}
