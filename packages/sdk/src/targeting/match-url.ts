import type { PageUrl } from '../logic/match-url.js';

// The rule itself lives in logic/ (zod-free and DOM-free), so the server's routing tests URLs with it too.
export { matchUrl } from '../logic/match-url.js';
export type { PageUrl } from '../logic/match-url.js';

export const currentUrl = (): PageUrl => ({ path: location.pathname, url: location.href });
