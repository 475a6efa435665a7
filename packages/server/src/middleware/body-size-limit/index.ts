import type { Context, Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpError } from '../../http/http-error.js';

export interface BodySizeLimitOptions {
  /** Largest accepted body in bytes; a response is a few KB at most, so 64 KiB leaves room without inviting abuse. */
  maxBytes?: number;
}

/**
 * Hono's bodyLimit (it checks Content-Length and counts streamed bytes when there is none) with the contract's
 * error body: a 413 `payload_too_large` through the central error handler.
 *
 * The 413 says `Connection: close`. The rest of the oversize body is never read, so the server cannot keep the
 * connection (@hono/node-server drains for a moment, then destroys the socket); without the header a keep-alive
 * client sends its next request down that dying socket and loses it ("other side closed"). With it, the client
 * knows to open a fresh connection. keep-alive.test.ts shows it over a real socket.
 */
export function bodySizeLimit({ maxBytes = 64 * 1024 }: BodySizeLimitOptions = {}) {
  const tooLarge = (): never => {
    throw HttpError.field(413, 'payload_too_large', '(body)', `must be at most ${maxBytes} bytes`, { headers: { Connection: 'close' } });
  };
  // A body streamed without a length (chunked) is counted as it arrives.
  const limit = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async function bodySizeLimit(c: Context, next: Next) {
    // A declared length is all there is to check: Node's parser refuses a body longer than it says. Checked here
    // rather than by hono's bodyLimit, which asks for `c.req.raw.body` first: on @hono/node-server that turns the
    // light request into a full web Request with a web stream over the socket, a tenth of an answer's CPU, where
    // `c.req.text()` reads the socket directly.
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number(length) > maxBytes) tooLarge();
      return next();
    }
    return limit(c, next);
  };
}
