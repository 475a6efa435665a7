import { stat } from 'node:fs/promises';
import type { Context } from 'hono';
import { HttpError } from '../../http/http-error.js';
import { resolveInside, serveFile } from '../../http/static-file.js';
import { cacheControlFor } from './cache-policy.js';

export interface WidgetAssetsOptions {
  /** The widget's `dist/browser` folder; when missing the assets answer 503 (the widget is not built yet). */
  dir: string | undefined;
}

/** A bare file name the widget build may produce; anything with a path or `..` is refused before touching disk. */
const ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.(?:js|css|json|map)$/;

/**
 * `GET /<name>.js|.css|.json|.map`: the built widget (`closeloop.js` and its chunks), readable from any page
 * (`Access-Control-Allow-Origin: *`, cross-origin resource policy). The folder is checked per request, so a
 * `pnpm build` while the server runs is picked up without a restart.
 */
export function widgetAssets({ dir }: WidgetAssetsOptions) {
  return async function widgetAssets(c: Context) {
    const name = c.req.param('file') ?? '';
    const file = ASSET_NAME.test(name) && !name.includes('..') && dir !== undefined ? resolveInside(dir, name) : null;
    if (dir === undefined || !(await isDirectory(dir))) {
      throw new HttpError(503, 'widget_not_built', 'The widget is not built: run `pnpm build` at the repository root, then reload');
    }
    const reply =
      file &&
      (await serveFile(c, file, {
        cacheControl: cacheControlFor(name),
        headers: { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' },
      }));
    if (!reply) throw HttpError.field(404, 'not_found', 'path', `no widget file ${name}`);
    return reply;
  };
}

async function isDirectory(dir: string): Promise<boolean> {
  return (await stat(dir).catch(() => null))?.isDirectory() ?? false;
}
