/** The constructor of `EventSource` (a test passes its own: happy-dom has none). */
export type EventSourceConstructor = new (url: string) => EventSource;

/**
 * Follows `GET /api/v1/events`: calls `onChange` for every new case timeline event of the project (a case opened,
 * assigned, resolved…). The browser reconnects by itself and sends `Last-Event-ID`; the payload is not read here,
 * since every page re-reads what it shows through the parsed API. Returns the function that stops listening.
 */
export function followCaseEvents(onChange: () => void, EventSourceImpl: EventSourceConstructor | undefined = globalThis.EventSource): () => void {
  if (!EventSourceImpl) return () => {};
  const source = new EventSourceImpl('/api/v1/events');
  const listener = () => onChange();
  source.addEventListener('follow_up', listener);
  return () => {
    source.removeEventListener('follow_up', listener);
    source.close();
  };
}
