import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { Context } from 'hono';
import { contentTypeFor } from './content-type.js';

export interface StaticFileOptions {
  cacheControl: string;
  headers?: Record<string, string>;
}

/**
 * `relative` resolved inside `root`, or null when it would escape it (`..`, absolute paths, encoded separators
 * already decoded by the router) or holds a NUL byte.
 */
export function resolveInside(root: string, relative: string): string | null {
  if (relative.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${sep}${relative}`);
  return file === base || file.startsWith(base + sep) ? file : null;
}

/**
 * Replies with a file and a strong ETag of its bytes (so a rebuilt widget is picked up at once), or 304 when the
 * client holds it already. Null when there is no such regular file, so the caller picks the 404.
 */
export async function serveFile(c: Context, file: string, { cacheControl, headers = {} }: StaticFileOptions): Promise<Response | null> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  const bytes = await readFile(file);
  const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
  const common = { ETag: etag, 'Cache-Control': cacheControl, ...headers };
  if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304, common);
  return c.body(new Uint8Array(bytes), 200, { ...common, 'Content-Type': contentTypeFor(file) });
}

/** `If-None-Match` may list several tags, or `*`; weak tags (W/) match by their opaque part. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}
