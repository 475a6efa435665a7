import type { Respondent } from '../schemas/respondent.js';
import { parseConfig, type Config } from './parse-config.js';
import { warn } from './warn.js';

/**
 * Fetches the project's surveys. Never rejects: a network error, an error status or a config this core cannot
 * read means no surveys on this page, with one warning naming the error (fetch and parseConfig throw Errors only,
 * which a template literal names in full). A signed identified user is sent along, so the reply says which surveys
 * this user answered on other devices. (The browser's HTTP cache revalidates the ETag on its own.) `signal` ends the
 * core: a reply after it counts as none, without a warning.
 */
export async function loadConfig(host: string, project: string, signal: AbortSignal, { userId, signature }: Partial<Respondent> = {}): Promise<Config> {
  try {
    const user = userId && signature ? `&user=${encodeURIComponent(userId)}&signature=${signature}` : '';
    // Not given `signal`: a fetch() that follows a signal costs the page ~1.6 ms more of main thread than one that
    // does not (chromium, the first fetch of a page, median of 30), on every page view; a core destroyed meanwhile
    // lets the reply go by instead of cancelling it.
    const response = await fetch(`${host}/v1/config?project=${encodeURIComponent(project)}${user}`);
    if (!response.ok) throw new Error(`status ${response.status}`);
    const config = parseConfig(await response.json());
    if (!signal.aborted) return config;
  } catch (error) {
    if (!signal.aborted) warn(`no surveys on this page: could not load the config (${error})`);
  }
  return { surveys: [], answered: [] };
}
