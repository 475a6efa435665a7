import { FollowUpStreamEvent } from '@closeloop/sdk/schemas';

/** The constructor of `EventSource` (a test passes its own: happy-dom has none). */
export type EventSourceConstructor = new (url: string) => EventSource;

/**
 * Follows `GET /api/v1/events`: calls `onEvent` for every new case timeline event of the project (a case opened,
 * assigned, resolved…), parsed with the shared schema. The browser reconnects by itself and sends `Last-Event-ID`.
 * A message that does not parse still means something changed: `onEvent(null)`, and one warning naming the problem.
 * Returns the function that stops listening.
 */
export function followCaseEvents(onEvent: (event: FollowUpStreamEvent | null) => void, EventSourceImpl: EventSourceConstructor | undefined = globalThis.EventSource): () => void {
  if (!EventSourceImpl) return () => {};
  const source = new EventSourceImpl('/api/v1/events');
  let warned = false;
  const listener = (message: Event) => {
    let data: unknown;
    try {
      data = JSON.parse(String((message as MessageEvent).data));
    } catch {
      data = undefined;
    }
    const parsed = FollowUpStreamEvent.safeParse(data);
    if (!parsed.success && !warned) {
      warned = true;
      console.warn(`closeloop console: a follow_up event from /api/v1/events could not be read (${parsed.error.issues[0]?.message ?? 'not JSON'}); the page reloads its data instead`);
    }
    onEvent(parsed.success ? parsed.data : null);
  };
  source.addEventListener('follow_up', listener);
  return () => {
    source.removeEventListener('follow_up', listener);
    source.close();
  };
}
