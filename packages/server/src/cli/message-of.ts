/** An error's message with its cause's (a driver's reason under "cannot open"), for one line on stderr. */
export function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}
