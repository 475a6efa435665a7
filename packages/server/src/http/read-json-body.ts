import type { Context } from 'hono';
import { HttpError } from './http-error.js';
import { refuseDeepJson } from './json-depth.js';
import { refuseNulInBody } from './nul-character.js';

/**
 * The body as JSON, from `application/json` or `text/plain`. Browsers send text/plain from sendBeacon and from a
 * keepalive fetch that must avoid a CORS preflight, so the media type is a transport detail here, not a format.
 * Refused before any route sees it: another media type (415), nesting too deep (422), not JSON (400), NUL (422).
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType !== 'application/json' && mediaType !== 'text/plain') {
    throw HttpError.field(415, 'unsupported_media_type', 'content-type', 'must be application/json or text/plain');
  }
  const text = await c.req.text();
  // Before JSON.parse, so a 100,000-deep body costs one pass over its text and never reaches zod.
  refuseDeepJson(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON', {
      issues: [{ path: '(body)', message: cause instanceof Error ? cause.message : 'invalid JSON' }],
      cause,
    });
  }
  refuseNulInBody(value);
  return value;
}
