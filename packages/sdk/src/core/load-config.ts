import type { SurveyDefinition } from '../schemas/survey-definition.js';
import { parseConfig } from './parse-config.js';
import { warn } from './warn.js';

/**
 * Fetches the project's surveys once per page view. Never rejects: a network error, an error status or a config
 * this core cannot read means no surveys on this page, with one warning. (The browser's HTTP cache revalidates
 * the server's ETag on its own.)
 */
export async function loadConfig(host: string, project: string, signal: AbortSignal): Promise<SurveyDefinition[]> {
  try {
    const response = await fetch(`${host}/v1/config?project=${encodeURIComponent(project)}`, { signal });
    if (!response.ok) throw new Error(`status ${response.status}`);
    return parseConfig(await response.json());
  } catch (error) {
    if (!signal.aborted) warn(`no surveys on this page: could not load the config (${error instanceof Error ? error.message : String(error)})`);
    return [];
  }
}
