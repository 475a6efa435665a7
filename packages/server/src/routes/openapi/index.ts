import type { Context } from 'hono';
import { openApiDocument } from '../../openapi/openapi-document.js';

/** `GET /openapi.json`: generated once, on first request, from the contract. */
export function openApi() {
  let document: ReturnType<typeof openApiDocument> | undefined;
  return async function openApi(c: Context) {
    document ??= openApiDocument();
    return c.json(document, 200, { 'Access-Control-Allow-Origin': '*' });
  };
}
