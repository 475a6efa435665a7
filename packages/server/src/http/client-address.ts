import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address of the socket the request came on (what the login limit counts per address), or `unknown` when the
 * app runs without a Node server (`app.request()` in tests). Forwarded headers are not trusted: any client can send
 * them, and a limit keyed on them could be dodged at will.
 */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Whether the browser reached us over https (directly, or through a proxy that says so): the cookie is then `Secure`. */
export function cameOverHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}
