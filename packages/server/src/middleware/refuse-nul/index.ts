import type { Context, Next } from 'hono';
import { refuseNulInUrl } from '../../http/nul-character.js';

/** A 422 for `%00` anywhere in the path or query, before any route reads it (see http/nul-character.ts for why). */
export async function refuseNul(c: Context, next: Next): Promise<void> {
  refuseNulInUrl(new URL(c.req.url));
  await next();
}
