import ky, { HTTPError } from 'ky';
import type { KyInstance, KyResponse } from 'ky';
import type { z } from 'zod';
import { ErrorBody, FollowUp, Page, StoredResponse, SurveyDefinition, SurveyList } from '../schemas/index.js';
import type { FollowUpListQuery, ResponseListQuery, SurveyDefinitionInput } from '../schemas/index.js';
import { ManagementApiError } from './management-api-error.js';
import { UnexpectedReplyError } from './unexpected-reply-error.js';

export interface ManagementClientOptions {
  /** Origin of the Closeloop server, e.g. `https://feedback.example.com` (a path prefix is kept). */
  host: string;
  /** The project's secret key, `sk_…`. Server-side only: it can change every survey. */
  secretKey: string;
  /** Milliseconds per attempt before giving up with ky's `TimeoutError`. Default 10 000. */
  timeout?: number;
  /** Retries of idempotent requests on 408/429/5xx and network failures, with backoff. Default 2. */
  retry?: number;
}

const FollowUpPage = Page(FollowUp);
const ResponsePage = Page(StoredResponse);
export type FollowUpPage = z.infer<typeof FollowUpPage>;
export type ResponsePage = z.infer<typeof ResponsePage>;
export type ResponseListOptions = Partial<z.output<typeof ResponseListQuery>>;
export type FollowUpListOptions = Partial<z.output<typeof FollowUpListQuery>>;

export interface ManagementClient {
  surveys: {
    /** Every survey of the project, active or not, by id. */
    list(): Promise<SurveyDefinition[]>;
    get(id: string): Promise<SurveyDefinition>;
    /** Creates or replaces the survey with this `id`; safe to call on every deploy. Resolves to it as stored. */
    put(survey: SurveyDefinitionInput): Promise<SurveyDefinition>;
    /** Deactivates the survey (its answers and cases are kept); resolves to it, `active: false`. */
    delete(id: string): Promise<SurveyDefinition>;
  };
  responses: {
    /** One page, newest first; pass `nextCursor` back as `cursor` for the next. */
    list(options?: ResponseListOptions): Promise<ResponsePage>;
  };
  followUps: {
    /** One page of cases, newest first, each with the response or feedback that opened it. */
    list(options?: FollowUpListOptions): Promise<FollowUpPage>;
  };
}

/**
 * A typed client for the management API (`/api/v1/…`). Every reply is parsed with the contract's schemas; a refusal
 * rejects with {@link ManagementApiError}, a reply outside the contract with {@link UnexpectedReplyError}, and a
 * network failure or timeout with ky's `NetworkError` or `TimeoutError` once the retries are spent.
 */
export function createManagementClient({ host, secretKey, timeout = 10_000, retry = 2 }: ManagementClientOptions): ManagementClient {
  if (!URL.canParse(host) || !/^https?:$/.test(new URL(host).protocol)) {
    throw new TypeError(`createManagementClient: host must be an http(s) URL such as https://feedback.example.com, got ${JSON.stringify(host)}`);
  }
  if (!/^sk_\S+$/.test(secretKey)) throw new TypeError('createManagementClient: secretKey must be a secret key, sk_…');

  const api = ky.create({
    prefix: new URL('api/v1/', host.endsWith('/') ? host : `${host}/`).href,
    headers: { authorization: `Bearer ${secretKey}` },
    timeout,
    retry: { limit: retry },
  });
  const surveyPath = (id: string) => `surveys/${encodeURIComponent(id)}`;

  return {
    surveys: {
      list: async () => (await call(api, 'get', 'surveys', SurveyList)).data,
      get: (id) => call(api, 'get', surveyPath(id), SurveyDefinition),
      put: (survey) => call(api, 'put', surveyPath(String(survey.id)), SurveyDefinition, { json: survey }),
      delete: (id) => call(api, 'delete', surveyPath(id), SurveyDefinition),
    },
    responses: { list: (options = {}) => call(api, 'get', 'responses', ResponsePage, { searchParams: query(options) }) },
    followUps: { list: (options = {}) => call(api, 'get', 'follow-ups', FollowUpPage, { searchParams: query(options) }) },
  };
}

/** Query parameters without the unset ones, so `{ cursor: undefined }` does not send `cursor=undefined`. */
function query(options: Record<string, string | number | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(options).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
}

async function call<S extends z.ZodType>(
  api: KyInstance,
  method: 'get' | 'put' | 'delete',
  path: string,
  schema: S,
  options: { json?: unknown; searchParams?: Record<string, string> } = {},
): Promise<z.output<S>> {
  let response: KyResponse;
  try {
    response = await api[method](path, options);
  } catch (error) {
    if (error instanceof HTTPError) throw refusal(error);
    throw error;
  }
  const label = method.toUpperCase();
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new UnexpectedReplyError(label, response.url, response.status, issuesOf(parsed.error));
  return parsed.data;
}

function refusal(error: HTTPError): Error {
  const method = error.request.method;
  const body = ErrorBody.safeParse(error.data);
  if (body.success) return new ManagementApiError(method, error.request.url, error.response.status, body.data, { cause: error });
  return new UnexpectedReplyError(method, error.request.url, error.response.status, issuesOf(body.error), { cause: error });
}

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}
