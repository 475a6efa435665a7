import { z } from 'zod';
import type { ErrorIssue } from '@closeloop/sdk/schemas';
import { HttpError } from './http-error.js';

/**
 * Zod issues as `{ path, message }` with dotted paths (`answers.nps`), `prefix` naming where the input came from.
 * An unknown key of a strict object (a query parameter a list does not take) becomes one issue per key, named by
 * its own path, with the keys the object does take (`known`).
 */
export function issuesFromZod(error: z.ZodError, prefix = '', known?: readonly string[]): ErrorIssue[] {
  const pathOf = (parts: readonly PropertyKey[]) => [prefix, ...parts.map(String)].filter((p) => p !== '').join('.') || '(root)';
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: pathOf([...issue.path, key]),
          message: known && issue.path.length === 0 ? `is unknown here (known: ${known.join(', ')})` : 'is unknown here',
        }))
      : [{ path: pathOf(issue.path), message: issue.message }],
  );
}

/**
 * Parses untrusted input or throws a 422 that names every field at fault. (Input that cannot be read at all, such
 * as a body that is not JSON, is a 400 before it gets here.)
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string, prefix = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const known = schema instanceof z.ZodObject ? Object.keys(schema.shape as object) : undefined;
  const issues = issuesFromZod(result.error, prefix, known);
  const fields = [...new Set(issues.map((i) => i.path))].join(', ');
  throw new HttpError(422, 'invalid_request', `Invalid ${what}: ${fields}`, { issues });
}
