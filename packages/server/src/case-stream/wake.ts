const listeners = new Set<() => void>();

/**
 * Tells this process's open event streams that case events were committed, so they read at once instead of at
 * their next poll (which still picks up other instances' events).
 */
export function wakeCaseStreams(): void {
  for (const listener of listeners) listener();
}

/** Subscribes a stream to {@link wakeCaseStreams}; returns the unsubscribe function. */
export function onCaseEvents(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
