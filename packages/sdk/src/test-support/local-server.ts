import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status?: number;
  body?: unknown;
  /** Cut the connection instead of answering: a network error for the client. */
  hangUp?: boolean;
  /** Sent along (`Retry-After`), readable cross-origin as from the Closeloop server. */
  headers?: Record<string, string>;
}

export type Handler = (request: Received) => Reply | Promise<Reply>;

export interface LocalServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Every request but CORS preflights, in arrival order. */
  received: Received[];
  /** Replaceable between steps of a test. */
  handler: Handler;
  /** Parsed bodies of the `POST /v1/responses` requests received so far. */
  submissions(): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/**
 * A real HTTP server on a random port, as the SDK's tests talk to (ky-style: no fetch mocks). It answers CORS
 * preflights, which happy-dom sends before every cross-origin request, as the Closeloop server does.
 */
export async function startLocalServer(handler: Handler = () => ({ body: {} })): Promise<LocalServer> {
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type' };
  const local: LocalServer = {
    url: '',
    received: [],
    handler,
    submissions: () =>
      local.received.filter((r) => r.method === 'POST' && r.path === '/v1/responses').map((r) => JSON.parse(r.body) as Record<string, unknown>),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, cors).end();
        return;
      }
      const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
      local.received.push(request);
      void Promise.resolve(local.handler(request)).then((reply) => {
        if (reply.hangUp) {
          req.socket.destroy();
          return;
        }
        res.writeHead(reply.status ?? 200, { ...cors, 'access-control-expose-headers': 'ETag, Retry-After', 'content-type': 'application/json', 'cache-control': 'no-store', ...reply.headers });
        res.end(JSON.stringify(reply.body ?? {}));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  local.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return local;
}
