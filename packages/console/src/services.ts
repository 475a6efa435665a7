import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { createApiClient } from './api/client.js';
import type { EventSourceConstructor } from './api/events.js';
import { followUpsApi } from './api/follow-ups.js';
import { membersApi } from './api/members.js';
import { sessionApi } from './api/session.js';
import { settingsApi } from './api/settings.js';
import { surveysApi } from './api/surveys.js';
import { teamsApi } from './api/teams.js';
import { createSessionModel } from './session/session-model.js';
import { createToasts } from './ui/toasts.js';

export interface ServicesOptions {
  /** For tests: a fetch that answers without a network, and an EventSource that needs no server. */
  fetch?: typeof fetch;
  EventSource?: EventSourceConstructor;
}

/** What every page uses, made once at start-up with its dependencies passed in (no module singletons to mock). */
export function createServices({ fetch, EventSource }: ServicesOptions = {}) {
  const session = createSessionModel();
  const client = createApiClient({ csrfToken: session.csrfToken, onUnauthorized: () => session.expired(), fetch });
  return {
    session,
    toasts: createToasts(),
    EventSource,
    api: {
      session: sessionApi(client),
      followUps: followUpsApi(client),
      members: membersApi(client),
      teams: teamsApi(client),
      surveys: surveysApi(client),
      settings: settingsApi(client),
    },
  };
}
export type Services = ReturnType<typeof createServices>;

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() needs a <ServicesContext.Provider> above it (see main.tsx)');
  return services;
}
