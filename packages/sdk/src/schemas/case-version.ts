import { z } from 'zod';

/**
 * A case's version: 1 when opened, raised by every change. A change sent with an older version is refused with a 409
 * naming the current one (optimistic concurrency), so two people working one case never overwrite each other.
 */
export const CaseVersion = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  // The column is a 32-bit integer on PostgreSQL: a larger number is bad input, not a database error.
  .max(2_147_483_647, 'must be at most 2147483647');
