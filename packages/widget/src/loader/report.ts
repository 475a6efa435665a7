/** Every console line of the loader carries the same prefix as the core's, so a page's console groups them. */
export function report(level: 'warn' | 'error', message: string, ...details: unknown[]): void {
  const line = `[closeloop] ${message}`;
  if (level === 'warn') console.warn(line, ...details);
  else console.error(line, ...details);
}
