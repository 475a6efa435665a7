import type { Context } from 'hono';

/**
 * Sets (or appends to) a header of the reply a route already made: what a middleware does after `next()`. It writes
 * to the reply's own headers, because hono's `c.header()` on a finished reply copies the whole Response, and on
 * @hono/node-server that turns its light reply into a full web Response with a body stream: several per request
 * when three middlewares each add a header. A reply whose headers are immutable (`Response.redirect`, a fetched
 * reply) is copied once, then written.
 */
export function setReplyHeader(c: Context, name: string, value: string, { append = false } = {}): void {
  try {
    write(c.res.headers, name, value, append);
  } catch {
    c.res = new Response(c.res.body, c.res);
    write(c.res.headers, name, value, append);
  }
}

function write(headers: Headers, name: string, value: string, append: boolean): void {
  if (append) headers.append(name, value);
  else headers.set(name, value);
}
