import { HttpError } from './http-error.js';

/**
 * How deep objects and arrays may nest in a request body. The deepest body any route takes (a survey with its logic
 * and translations) nests under 10; 32 leaves room for what comes, and stops a hostile `[[[[…` long before code that
 * walks a value recursively (zod, a serializer, a library later) could run out of stack.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether JSON text nests deeper than `max`, read from the text before it is parsed: one pass over the characters,
 * brackets inside strings skipped, stopping at the first level too deep. Text that is not JSON at all is left for
 * JSON.parse to refuse.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = endOfString(text, i);
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/**
 * The index of the quote closing the string opened at `open` (the text's end when there is none). Found with
 * indexOf, not char by char: strings are most of a body (comments, URLs, user agents). A quote closes the string
 * unless an odd number of backslashes comes right before it.
 */
function endOfString(text: string, open: number): number {
  for (let quote = text.indexOf('"', open + 1); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
  return text.length;
}

/** Throws a 422 naming the body when its JSON text nests deeper than {@link MAX_JSON_DEPTH}. */
export function refuseDeepJson(text: string): void {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw HttpError.field(422, 'json_too_deep', '(body)', `must nest objects and arrays at most ${MAX_JSON_DEPTH} levels deep`);
  }
}
