import { render } from '@testing-library/preact';
import { App } from '../app.js';
import type { EventSourceConstructor } from '../api/events.js';
import { createServices } from '../services.js';
import { fakeFetch } from './fake-fetch.js';

/**
 * The whole console at `url`, talking to a fake server made of `handlers` (see fakeFetch). Returns the rendered
 * screen, the requests the console made, and its services (session, toasts).
 */
export function renderConsole(url: string, handlers: Parameters<typeof fakeFetch>[0], EventSource?: EventSourceConstructor) {
  history.replaceState(null, '', url);
  const server = fakeFetch(handlers);
  const services = createServices({ fetch: server.fetch, EventSource });
  const screen = render(<App services={services} />);
  return { ...screen, requests: server.requests, services };
}
