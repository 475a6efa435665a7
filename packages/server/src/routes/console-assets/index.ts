import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context } from 'hono';
import { HttpError } from '../../http/http-error.js';
import { resolveInside, serveFile } from '../../http/static-file.js';
import { CONSOLE_PAGE_HEADERS, consoleCacheControl } from './console-headers.js';

export interface ConsoleAssetsOptions {
  /** `@closeloop/console`'s `dist/`; unset, missing or without index.html, `/console/` answers 503 (not built). */
  dir: string | undefined;
}

const NOT_BUILT = 'The console is not built: run `pnpm build` at the repository root (it builds @closeloop/console), then reload';

/**
 * `GET /console/*`: the console's built files. A path that is a file is served as such (`assets/*` immutable); any
 * other path without a file extension is a client-side route and gets index.html (`no-cache`), under a strict CSP.
 * A missing file with an extension is a 404, so a stale chunk name never comes back as HTML. The folder is checked
 * per request, so a build while the server runs is picked up.
 */
export function consoleAssets({ dir }: ConsoleAssetsOptions) {
  return async function consoleAssets(c: Context) {
    if (dir === undefined || !(await isFile(join(dir, 'index.html')))) return notBuilt(c);
    const relative = safeDecode(c.req.path.replace(/^\/console\/?/, ''));
    if (relative === null) throw HttpError.field(404, 'not_found', 'path', 'not a console path');
    const file = relative === '' ? null : resolveInside(dir, relative);
    if (file !== null && !relative.split('/').some((part) => part.startsWith('.'))) {
      const served = await serveFile(c, file, { cacheControl: consoleCacheControl(relative), headers: relative === 'index.html' ? CONSOLE_PAGE_HEADERS : { 'X-Content-Type-Options': 'nosniff' } });
      if (served) return served;
    }
    if (/\.[A-Za-z0-9]+$/.test(relative)) throw HttpError.field(404, 'not_found', 'path', `no console file ${relative}`);
    const page = await serveFile(c, join(dir, 'index.html'), { cacheControl: consoleCacheControl('index.html'), headers: CONSOLE_PAGE_HEADERS });
    if (!page) return notBuilt(c);
    return page;
  };
}

/** 503: a page for a browser, the usual error JSON for anything else; both say how to build the console. */
function notBuilt(c: Context) {
  if ((c.req.header('accept') ?? '').includes('text/html')) {
    const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Closeloop console not built</title><h1>The console is not built</h1><p>Run <code>pnpm build</code> at the repository root (it builds <code>@closeloop/console</code>), then reload this page.</p></html>`;
    return c.html(html, 503, { ...CONSOLE_PAGE_HEADERS, 'Cache-Control': 'no-store' });
  }
  throw new HttpError(503, 'console_not_built', NOT_BUILT);
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

/** The path as the file system names it; null for a malformed escape (`%E0%A4%A`). */
function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}
