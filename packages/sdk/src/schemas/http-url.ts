import { z } from 'zod';
import { URL_MAX } from './submission-limits.js';

/**
 * A web address we store and may later show as a link (a page, a referrer, a call to action): http or https only,
 * so `javascript:`, `data:` or `file:` never reach a support agent's screen as something to click.
 */
export const HttpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(URL_MAX, `must be at most ${URL_MAX} characters`);
