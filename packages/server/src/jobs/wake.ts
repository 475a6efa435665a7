const waiting = new Set<() => void>();

/** Tells this process's runners that jobs were committed: they claim at once instead of at their next poll. */
export function wakeRunners(): void {
  for (const runner of waiting) runner();
}

/** Subscribes a runner to {@link wakeRunners}; returns the unsubscribe function. */
export function onWake(runner: () => void): () => void {
  waiting.add(runner);
  return () => waiting.delete(runner);
}
