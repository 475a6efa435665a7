import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context } from 'hono';
import { acceptedEncoding } from './accepted-encoding.js';
import type { Encoding } from './accepted-encoding.js';
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

/** Text is worth compressing; images and fonts are compressed already. Below a kilobyte the headers outweigh it. */
const COMPRESSIBLE = /^(?:text\/|application\/json|image\/svg\+xml)/;
const MIN_COMPRESSED_BYTES = 1024;

/**
 * Brotli's best for a file up to this size: each file is compressed once per build (below), so the smallest bytes
 * cost nothing after (closeloop.js: 23 ms). Past it, quality 9: the console's 309 KB bundle took 438 ms at 11, a wait
 * for its first visitor, and 32 ms at 9, for 7% more bytes (measured here).
 */
const BEST_BROTLI_UP_TO = 64 * 1024;

const compress: Record<Encoding, (bytes: Buffer) => Promise<Buffer>> = {
  br: (bytes) =>
    promisify(brotliCompress)(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: bytes.length <= BEST_BROTLI_UP_TO ? constants.BROTLI_MAX_QUALITY : 9, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }),
  gzip: (bytes) => promisify(gzip)(bytes, { level: constants.Z_BEST_COMPRESSION }),
};
const ETAG_SUFFIX: Record<Encoding, string> = { br: '-br', gzip: '-gz' };

interface Representation {
  bytes: Uint8Array<ArrayBuffer>;
  etag: string;
}

/** A file as last read: its bytes and strong ETag, and each compressed form once asked for. */
interface Cached {
  version: string;
  identity: Representation;
  encoded: Map<Encoding, Promise<Representation>>;
}

/**
 * By path. What is served from here is the built widget, console and example pages: a few hundred files at most,
 * so nothing is evicted but a file's older version, replaced when its size or time changes.
 */
const files = new Map<string, Cached>();

/**
 * Replies with a file and a strong ETag of its bytes (so a rebuilt widget is picked up at once), or 304 when the
 * client holds it already; text past a kilobyte in brotli or gzip when the request accepts it (closeloop.js is
 * 22 KB as built, 8 KB in brotli: the bytes every page view of a shop pays for), each form compressed once per
 * version of the file, in libuv's thread pool, and kept. Null when there is no such regular file, so the caller
 * picks the 404.
 */
export async function serveFile(c: Context, file: string, { cacheControl, headers = {} }: StaticFileOptions): Promise<Response | null> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  const version = `${info.ino}:${info.size}:${info.mtimeMs}`;
  let cached = files.get(file);
  if (cached?.version !== version) {
    const bytes = await readFile(file);
    cached = { version, identity: { bytes: new Uint8Array(bytes), etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"` }, encoded: new Map() };
    files.set(file, cached);
  }
  const type = contentTypeFor(file);
  const compressible = COMPRESSIBLE.test(type) && cached.identity.bytes.length >= MIN_COMPRESSED_BYTES;
  const encoding = compressible ? acceptedEncoding(c.req.header('accept-encoding')) : undefined;
  const served = encoding === undefined ? cached.identity : await encodedAs(cached, encoding);
  const common: Record<string, string> = { ETag: served.etag, 'Cache-Control': cacheControl, ...headers };
  // A cache between the server and the browser keeps one form per Accept-Encoding, never brotli for a client without.
  if (compressible) common.Vary = 'Accept-Encoding';
  if (matchesEtag(c.req.header('if-none-match'), served.etag)) return c.body(null, 304, common);
  return c.body(served.bytes, 200, { ...common, 'Content-Type': type, ...(encoding && { 'Content-Encoding': encoding }) });
}

function encodedAs(cached: Cached, encoding: Encoding): Promise<Representation> {
  let encoded = cached.encoded.get(encoding);
  if (encoded === undefined) {
    const { bytes, etag } = cached.identity;
    // Each form has its own ETag (RFC 9110 §8.8.3): a 304 names the bytes the client holds, in their encoding.
    encoded = compress[encoding](Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).then((out) => ({ bytes: new Uint8Array(out), etag: `${etag.slice(0, -1)}${ETAG_SUFFIX[encoding]}"` }));
    // A failed compression is not kept: the next request tries again.
    encoded.catch(() => cached.encoded.delete(encoding));
    cached.encoded.set(encoding, encoded);
  }
  return encoded;
}

/** `If-None-Match` may list several tags, or `*`; weak tags (W/) match by their opaque part. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}
