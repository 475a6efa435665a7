const BASE_MS = 1000;
const CAP_MS = 60_000;

/**
 * Delay before retry number `attempt` (0-based): 1 s, 2 s, 4 s … capped at 60 s, then scattered over the upper
 * half of that window so many visitors coming back online at once do not retry in lockstep.
 */
export function backoffDelay(attempt: number, random = Math.random()): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** attempt);
  return ceiling / 2 + (random * ceiling) / 2;
}
