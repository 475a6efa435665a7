/** A reply the fake server gives: JSON with a status (and headers such as Retry-After). */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function errorReply(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return json(status, { error: { code, message } }, headers);
}

type Handler = (request: Request, params: Record<string, string>) => Response | Promise<Response>;

/**
 * A fetch for component tests that answers like the server would, from handlers keyed `'GET /api/v1/follow-ups/:id'`,
 * and records every request (method, URL, headers, body) for the test to check. An unknown route is a 404 that
 * names it, so a test never passes on a request it did not expect.
 */
export function fakeFetch(handlers: Record<string, Handler>) {
  const requests: { method: string; url: URL; headers: Headers; body: unknown }[] = [];
  const routes = Object.entries(handlers).map(([key, handler]) => {
    const [method, path] = key.split(' ') as [string, string];
    const pattern = new RegExp(`^${path.replace(/:(\w+)/g, '(?<$1>[^/]+)')}$`);
    return { method, pattern, handler };
  });
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const text = await request.clone().text();
    requests.push({ method: request.method, url, headers: request.headers, body: text ? JSON.parse(text) : undefined });
    for (const route of routes) {
      const match = route.method === request.method ? route.pattern.exec(url.pathname) : null;
      if (match) return route.handler(request, { ...match.groups });
    }
    return errorReply(404, 'not_found', `the fake server has no ${request.method} ${url.pathname}`);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}
