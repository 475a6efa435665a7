import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context } from 'hono';
import { HttpError } from '../../http/http-error.js';
import { resolveInside, serveFile } from '../../http/static-file.js';

export interface DemoSiteOptions {
  /** The folder served at `/demo/` (the example shop). */
  dir: string;
  /** The URL prefix it is served under. */
  prefix?: string;
}

/** `GET /demo/*`: the demo site, `index.html` for folders, always revalidated so edits show on reload. */
export function demoSite({ dir, prefix = '/demo/' }: DemoSiteOptions) {
  return async function demoSite(c: Context) {
    let relative: string;
    try {
      relative = decodeURIComponent(c.req.path.slice(prefix.length));
    } catch {
      throw HttpError.field(400, 'invalid_request', 'path', 'is not a valid URL path');
    }
    let file = resolveInside(dir, relative);
    if (file !== null && (await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
    const reply = file && (await serveFile(c, file, { cacheControl: 'no-cache' }));
    if (!reply) throw HttpError.field(404, 'not_found', 'path', `no demo file ${relative || 'index.html'}`);
    return reply;
  };
}
