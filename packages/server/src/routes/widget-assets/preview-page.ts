import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context } from 'hono';
import { HttpError } from '../../http/http-error.js';
import { serveFile } from '../../http/static-file.js';

export interface PreviewPageOptions {
  /** The widget's `dist/browser` folder, which holds `closeloop-preview.html` after a build. */
  dir: string | undefined;
}

/** The built page's name, and the one path it is served at. */
export const PREVIEW_PAGE = 'closeloop-preview.html';

/**
 * The page may be framed by this origin only (the console's survey editor), may load scripts and styles from here
 * only, and may not connect anywhere: a preview's answers go nowhere, and the browser holds it to that.
 */
export const PREVIEW_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'none'; " +
  "frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

/**
 * `GET /closeloop-preview.html`: the widget's live-preview page, which the console frames (same origin) and drives
 * with postMessage. Unlike the widget's scripts it is for this server's own pages only: no CORS, no caching beyond
 * revalidation (it names the current hashed preview script), and the CSP above.
 */
export function previewPage({ dir }: PreviewPageOptions) {
  return async function previewPage(c: Context) {
    if (dir === undefined || !(await stat(dir).catch(() => null))?.isDirectory()) {
      throw new HttpError(503, 'widget_not_built', 'The widget is not built: run `pnpm build` at the repository root, then reload');
    }
    const reply = await serveFile(c, join(dir, PREVIEW_PAGE), {
      cacheControl: 'no-cache',
      headers: { 'Content-Security-Policy': PREVIEW_CSP, 'X-Content-Type-Options': 'nosniff' },
    });
    if (!reply) throw HttpError.field(404, 'not_found', 'path', `no widget file ${PREVIEW_PAGE}; rebuild the widget`);
    return reply;
  };
}
