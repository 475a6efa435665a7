import { report } from './report.js';

export interface Settings {
  project: string;
  /** The Closeloop server, without a trailing slash. */
  host: string;
  /** Where closeloop.js came from: the UI chunk sits beside it. */
  base: string;
}

/**
 * Mirrors the `ProjectKey` schema of `@closeloop/sdk/schemas` without pulling zod into closeloop.js;
 * read-settings.test.ts holds the two equal.
 */
export const PROJECT_KEY = /^pk_[A-Za-z0-9_-]{1,64}$/;

/**
 * Reads `data-project` (required) and `data-host` (default: the origin closeloop.js was served from). A bad value
 * is reported with one console.error naming the attribute, and Closeloop stays off rather than half-starting.
 */
export function readSettings(script: HTMLScriptElement | null, pageUrl: string): Settings | undefined {
  const project = script?.getAttribute('data-project')?.trim();
  if (!script || !project) {
    report('error', 'closeloop.js needs a data-project attribute: your public project key, pk_…. Closeloop did not start.');
    return undefined;
  }
  if (!PROJECT_KEY.test(project)) {
    report('error', `data-project="${project}" is not a public project key (pk_ and 1–64 letters, digits, _ or -). Closeloop did not start.`);
    return undefined;
  }
  const base = script.src || pageUrl;
  const hostAttribute = script.getAttribute('data-host')?.trim();
  let host: string;
  try {
    host = hostAttribute ? new URL(hostAttribute, pageUrl).href : new URL(base).origin;
  } catch {
    report('error', `data-host="${hostAttribute}" is not a URL. Closeloop did not start.`);
    return undefined;
  }
  return { project, host: host.replace(/\/+$/, ''), base };
}
