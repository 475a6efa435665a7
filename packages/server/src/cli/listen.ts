import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import type { Hono } from 'hono';

export interface Listening {
  server: ServerType;
  /** The real port, also when 0 asked for a free one. */
  port: number;
}

/** Starts the HTTP server; rejects on a listen error (port in use, address not available) instead of crashing. */
export function listen(app: Pick<Hono, 'fetch'>, { port, host }: { port: number; host: string }): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
      server.off('error', reject);
      resolve({ server, port: info.port });
    });
    server.once('error', reject);
  });
}

/** The base URL people can open: a wildcard address is shown as loopback, IPv6 in brackets. */
export function displayOrigin(host: string, port: number): string {
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}
