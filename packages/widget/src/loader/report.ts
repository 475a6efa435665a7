/** Every console line of the loader carries the same prefix as the core's, so a page's console groups them. */
export function report(level: 'warn' | 'error', message: string, ...details: unknown[]): void {
  // `level` is typed to warn or error, the two the rule allows; indexing by it is the shortest call (closeloop.js).
  // eslint-disable-next-line no-console
  console[level](`[closeloop] ${message}`, ...details);
}
