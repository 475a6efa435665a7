/** The stable entry may change on any deploy: caches revalidate it after five minutes. */
export const STABLE_CACHE = 'public, max-age=300';
/** A content-hashed chunk never changes under its name: cache it for a year. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

/**
 * Whether the widget build named this file after its content (`closeloop-ui-<hash>.js`): the segment after the
 * last `-` is 8+ characters and not all lowercase letters. A human name such as `closeloop-embedded.js` stays
 * stable; a hash that happens to be all lowercase (rare) only costs a 5-minute cache, never a stale file.
 */
export function isContentHashed(name: string): boolean {
  const hash = /-([A-Za-z0-9_]{8,})\.[a-z]+$/.exec(name)?.[1];
  return hash !== undefined && !/^[a-z]+$/.test(hash);
}

export function cacheControlFor(name: string): string {
  return isContentHashed(name) ? IMMUTABLE_CACHE : STABLE_CACHE;
}
