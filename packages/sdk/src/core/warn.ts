/**
 * The one way the core reports a problem: a single prefixed console line. The core runs inside someone else's
 * page, so it never throws into it and never floods its console.
 */
export function warn(message: string): void {
  console.warn(`[closeloop] ${message}`);
}
