/**
 * The console's pages may run only their own scripts and styles and talk only to this server: no inline script, no
 * third party, no framing. The widget preview loads `/closeloop.js` from the same origin, and the widget styles its
 * shadow root with a constructed stylesheet, which `style-src 'self'` allows.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every console page (index.html and the 503 page). */
export const CONSOLE_PAGE_HEADERS = {
  'Content-Security-Policy': CONSOLE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** vite names everything under `assets/` after its content: cache it for a year. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** index.html names the current assets: always revalidated, so a deploy shows at once. */
export const PAGE_CACHE = 'no-cache';
/** Other files at the root (favicon, robots.txt): revalidated after five minutes. */
export const STABLE_CACHE = 'public, max-age=300';

export function consoleCacheControl(relative: string): string {
  if (relative.startsWith('assets/')) return IMMUTABLE_CACHE;
  return relative === 'index.html' ? PAGE_CACHE : STABLE_CACHE;
}
