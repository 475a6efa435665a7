import { z } from 'zod';
import { Timestamp, Uuid } from '@closeloop/sdk/schemas';
import { HttpError } from './http-error.js';
import type { PageCursor } from '../repos/keyset.js';

const CursorJson = z.tuple([Timestamp, Uuid]);

/** Cursors are opaque to clients (base64url of the keyset position), so the ordering can change without breaking them. */
export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id]), 'utf8').toString('base64url');
}

/** The position in `text`, or null when it is not a cursor this server made. */
export function decodeCursor(text: string): PageCursor | null {
  try {
    const parsed = CursorJson.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? { at: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}

/** The `?cursor=` of a list request decoded, or a 422 naming `cursor`. */
export function cursorFromQuery(cursor: string | undefined): PageCursor | undefined {
  if (cursor === undefined) return undefined;
  const decoded = decodeCursor(cursor);
  if (decoded === null) throw HttpError.field(422, 'invalid_request', 'cursor', 'is not a cursor from a previous page');
  return decoded;
}

/** A multi-column list position as an opaque cursor (same encoding as {@link encodeCursor}). */
export function encodePosition(position: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** The `?cursor=` of a list ordered by several columns, checked against its `shape`, or a 422 naming `cursor`. */
export function positionFromQuery<S extends z.ZodType<readonly (string | number)[]>>(cursor: string | undefined, shape: S): z.output<S> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: refused below like any other foreign cursor.
  }
  throw HttpError.field(422, 'invalid_request', 'cursor', 'is not a cursor from a previous page');
}
