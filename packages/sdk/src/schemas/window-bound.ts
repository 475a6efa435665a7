import { z } from 'zod';
import { Timestamp } from './ids.js';

/** A bound of a time window in a query: an ISO 8601 date-time, or a date (midnight UTC), read as the instant it names. */
export const WindowBound = z
  .union([Timestamp, z.iso.date()], { error: 'must be an ISO 8601 date or date-time' })
  .transform((value) => new Date(value).toISOString());
