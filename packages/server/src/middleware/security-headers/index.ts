import type { Context, Next } from 'hono';
import { setReplyHeader } from '../../http/set-reply-header.js';

/**
 * What every reply says, whichever route made it (JSON errors and 404s included): `nosniff`, so a browser never
 * runs an answer or an upload as script or HTML by guessing its type. An HTML page without its own CSP (the demo
 * shop) gets `frame-ancestors 'self'`, so no other site can frame it to trick a click. The console and the survey
 * preview set stricter policies of their own, which are kept.
 */
export const HTML_FRAME_POLICY = "frame-ancestors 'self'";

export async function securityHeaders(c: Context, next: Next): Promise<void> {
  await next();
  const missing: [string, string][] = [];
  if (!c.res.headers.has('x-content-type-options')) missing.push(['X-Content-Type-Options', 'nosniff']);
  const isHtml = /^text\/html\b/i.test(c.res.headers.get('content-type') ?? '');
  if (isHtml && !c.res.headers.has('content-security-policy')) missing.push(['Content-Security-Policy', HTML_FRAME_POLICY]);
  for (const [name, value] of missing) setReplyHeader(c, name, value);
}
