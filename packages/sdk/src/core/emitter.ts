import { warn } from './warn.js';

type Handler<Payload> = (payload: Payload) => void;

export interface Emitter<Events> {
  on<Name extends keyof Events>(name: Name, handler: Handler<Events[Name]>): () => void;
  emit<Name extends keyof Events>(name: Name, payload: Events[Name]): void;
  clear(): void;
}

/** Typed listeners. A throwing handler is the host app's bug: it is reported and the other handlers still run. */
export function createEmitter<Events>(): Emitter<Events> {
  let handlers: { [Name in keyof Events]?: Set<Handler<Events[Name]>> } = {};
  return {
    on(name, handler) {
      const set = (handlers[name] ??= new Set());
      set.add(handler);
      return () => {
        set.delete(handler);
      };
    },
    emit(name, payload) {
      // A copy, so a handler that unsubscribes (or subscribes) while running does not disturb this round.
      for (const handler of [...(handlers[name] ?? [])]) {
        try {
          handler(payload);
        } catch (error) {
          warn(`a "${String(name)}" handler threw: ${String(error)}`);
        }
      }
    },
    clear() {
      handlers = {};
    },
  };
}
