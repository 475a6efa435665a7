import { HttpError } from './http-error.js';

/**
 * PostgreSQL's text cannot hold U+0000 (it fails the whole statement), and no answer, name or filter needs it. So
 * it is refused where input enters, with the field named, on both stores alike, instead of a 500 on one of them.
 */
const NUL = '\u0000';
const MESSAGE = 'must not contain the NUL character (\\u0000)';

/**
 * The dotted path of the first string (or key) in a parsed JSON value that holds NUL; null when there is none.
 * A loop over an explicit stack, not recursion: a hostile body nests thousands deep, which JSON.parse accepts.
 */
export function pathOfNul(root: unknown): string | null {
  const stack: [unknown, string][] = [[root, '']];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [value, path] = next;
    if (typeof value === 'string') {
      if (value.includes(NUL)) return path || '(body)';
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value).reverse()) {
        const innerPath = path ? `${path}.${key}` : key;
        if (key.includes(NUL)) return innerPath;
        stack.push([inner, innerPath]);
      }
    }
  }
  return null;
}

/** Throws the 422 for a JSON body holding NUL. */
export function refuseNulInBody(value: unknown): void {
  const path = pathOfNul(value);
  if (path !== null) throw HttpError.field(422, 'invalid_request', path, MESSAGE);
}

/** Throws the 422 for a URL whose decoded path or query holds NUL (`%00`); the issue names the query parameter, as other query errors do. */
export function refuseNulInUrl(url: URL): void {
  for (const [key, value] of url.searchParams) {
    if (key.includes(NUL) || value.includes(NUL)) throw HttpError.field(422, 'invalid_request', key || '(query)', MESSAGE);
  }
  if (/%00/i.test(url.pathname)) throw HttpError.field(422, 'invalid_request', '(path)', MESSAGE);
}
