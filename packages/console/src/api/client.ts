import ky, { HTTPError, TimeoutError } from 'ky';
import type { KyInstance, Options } from 'ky';
import { ErrorBody } from '@closeloop/sdk/schemas';
import type { z } from 'zod';
import { ApiError, UnexpectedReplyError } from './api-error.js';

/** Methods that change nothing: the only ones the server accepts with the session cookie alone (CSRF). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface ApiClientOptions {
  /** The session's CSRF token, read at each write (a new login brings a new one). */
  csrfToken: () => string | undefined;
  /** Told when the server no longer knows the session (401 on a call other than the login), so the app asks to sign in again. */
  onUnauthorized?: () => void;
  /** For tests: a fetch that answers without a network. */
  fetch?: typeof fetch;
}

export interface RequestOptions {
  json?: unknown;
  searchParams?: Record<string, string>;
}

/** The console's HTTP client: every reply parsed with a shared schema, every failure an `ApiError`. */
export interface ApiClient {
  request<S extends z.ZodType>(method: string, path: string, schema: S, options?: RequestOptions): Promise<z.output<S>>;
}

export function createApiClient({ csrfToken, onUnauthorized, fetch }: ApiClientOptions): ApiClient {
  const http: KyInstance = ky.create({
    prefix: '/api/v1',
    credentials: 'same-origin',
    // People are waiting on a screen: one attempt, then a failure they can retry by hand.
    retry: 0,
    timeout: 15_000,
    ...(fetch ? { fetch } : {}),
    hooks: {
      beforeRequest: [
        ({ request }) => {
          const token = csrfToken();
          if (!SAFE_METHODS.has(request.method) && token) request.headers.set('X-CSRF-Token', token);
        },
      ],
    },
  });

  return {
    async request(method, path, schema, options = {}) {
      const url = `/api/v1${path}`;
      const kyOptions: Options = { method };
      if (options.json !== undefined) kyOptions.json = options.json;
      if (options.searchParams) kyOptions.searchParams = options.searchParams;
      let response: Response;
      try {
        response = await http(path.replace(/^\//, ''), kyOptions);
      } catch (error) {
        if (error instanceof HTTPError) {
          const failure = errorOf(error, method, url);
          if (failure.status === 401 && path !== '/session') onUnauthorized?.();
          throw failure;
        }
        if (error instanceof TimeoutError) throw new ApiError('The server did not answer in time. Try again.', { method, url, status: 0, code: 'timeout', cause: error });
        throw new ApiError('The server could not be reached. Check the connection and try again.', { method, url, status: 0, code: 'network', cause: error });
      }
      // A 204 has no body: read as `undefined`, which only a schema that expects nothing accepts.
      let body: unknown;
      if (response.status !== 204) {
        try {
          body = await response.json();
        } catch (error) {
          throw new UnexpectedReplyError({ method, url, status: response.status, detail: 'it is not JSON', cause: error });
        }
      }
      const parsed = schema.safeParse(body);
      if (parsed.success) return parsed.data;
      const first = parsed.error.issues[0];
      const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
      throw new UnexpectedReplyError({ method, url, status: response.status, detail: `${first?.message ?? 'unexpected shape'}${where}`, cause: parsed.error });
    },
  };
}

/** The server's `{ error: { code, message, issues } }` as an `ApiError`; a reply in another shape still gets a sentence. */
function errorOf(error: HTTPError, method: string, url: string): ApiError {
  const { status, statusText, headers } = error.response;
  const parsed = ErrorBody.safeParse(error.data);
  if (!parsed.success) return new ApiError(`The server answered ${status}${statusText ? ` ${statusText}` : ''}.`, { method, url, status, code: `http_${status}`, cause: error });
  const { code, message, issues } = parsed.data.error;
  const retryAfter = Number(headers.get('Retry-After'));
  return new ApiError(message, {
    method,
    url,
    status,
    code,
    issues: issues ?? [],
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    cause: error,
  });
}
