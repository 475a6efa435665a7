import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { signIdentity } from '@closeloop/sdk/node';

export interface IdentityServerOptions {
  identitySecret: string;
  /** Who is logged in for this request; a real app reads its session here. */
  userIdOf(request: IncomingMessage): string;
  /** Handles `POST /webhooks/closeloop` (see `webhook-receiver.ts`); unset until a webhook secret is configured. */
  receiveWebhook?: ((request: IncomingMessage, response: ServerResponse) => Promise<void>) | undefined;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

/**
 * `POST /webhooks/closeloop` receives Closeloop's signed webhooks, when a webhook secret is configured.
 * `GET /api/closeloop-identity` → `{ userId, signature }` for the logged-in user, which the page hands to
 * `closeloop.identify(userId, attributes, { signature })`. The identity secret never leaves this process.
 */
export function createIdentityServer({ identitySecret, userIdOf, receiveWebhook }: IdentityServerOptions): Server {
  return createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://backend').pathname;
    if (path === '/healthz') return sendJson(response, 200, { ok: true });
    if (path === '/webhooks/closeloop') {
      if (request.method !== 'POST') {
        response.setHeader('allow', 'POST');
        return sendJson(response, 405, { error: { code: 'method_not_allowed', message: 'Use POST' } });
      }
      if (receiveWebhook === undefined) {
        return sendJson(response, 503, { error: { code: 'not_configured', message: 'Set CLOSELOOP_WEBHOOK_SECRET to the whsec_ secret of the registered webhook' } });
      }
      receiveWebhook(request, response).catch(() => sendJson(response, 500, { error: { code: 'internal', message: 'Handling the webhook failed' } }));
      return;
    }
    if (path !== '/api/closeloop-identity') {
      return sendJson(response, 404, { error: { code: 'not_found', message: `No route for ${request.method} ${path}` } });
    }
    if (request.method !== 'GET') {
      response.setHeader('allow', 'GET');
      return sendJson(response, 405, { error: { code: 'method_not_allowed', message: 'Use GET' } });
    }
    const userId = userIdOf(request);
    sendJson(response, 200, { userId, signature: signIdentity(identitySecret, userId) });
  });
}
