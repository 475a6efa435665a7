import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, as a webhook receiver must verify it. */
  body: string;
}

export interface HttpReceiver {
  /** `http://127.0.0.1:<port>/hook` */
  url: string;
  port: number;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on a random port of 127.0.0.1 that records every request, then lets `respond` answer it
 * (default: 204). `respond` may leave the response open to play a receiver that hangs.
 */
export async function startHttpReceiver(
  respond: (request: ReceivedRequest, res: ServerResponse) => void = (_, res) => res.writeHead(204).end(),
): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(request);
      respond(request, res);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('http receiver: not listening on a TCP port');
  const { port } = address;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
