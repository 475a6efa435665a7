import type { Context } from 'hono';
import { HttpError } from './http-error.js';

/**
 * The case version a change was made against: the body's `version`, or the `If-Match: "<version>"` header (the
 * ETag of `GET /api/v1/follow-ups/:id`). Both may be sent if they agree. Undefined when neither was sent.
 */
export function expectedVersion(c: Context, bodyVersion: number | undefined): number | undefined {
  const header = c.req.header('if-match');
  let fromHeader: number | undefined;
  if (header !== undefined) {
    const match = /^\s*(?:W\/)?"?([1-9]\d{0,8})"?\s*$/.exec(header);
    if (!match) throw HttpError.field(422, 'invalid_request', 'if-match', 'must be a case version, as the ETag gives it: "3"');
    fromHeader = Number(match[1]);
  }
  if (bodyVersion !== undefined && fromHeader !== undefined && bodyVersion !== fromHeader) {
    throw HttpError.field(422, 'invalid_request', 'version', `is ${bodyVersion} but If-Match says ${fromHeader}`);
  }
  return bodyVersion ?? fromHeader;
}
