import ky, { HTTPError } from 'ky';
import type { KyInstance, KyResponse } from 'ky';
import { z } from 'zod';
import {
  ErrorBody,
  FollowUp,
  Page,
  SlackIntegration,
  StoredResponse,
  SurveyDefinition,
  SurveyList,
  WebhookCreated,
  WebhookDelivery,
  WebhookList,
} from '../schemas/index.js';
import type { FollowUpListQuery, NewWebhook, ResponseListQuery, SurveyDefinitionInput, Webhook, WebhookDeliveryListQuery } from '../schemas/index.js';
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
const WebhookDeliveryPage = Page(WebhookDelivery);
/** What a 204 carries: nothing, read as `undefined`. */
const NoContent = z.undefined();
export type FollowUpPage = z.infer<typeof FollowUpPage>;
export type ResponsePage = z.infer<typeof ResponsePage>;
export type WebhookDeliveryPage = z.infer<typeof WebhookDeliveryPage>;
export type WebhookDeliveryListOptions = Partial<z.output<typeof WebhookDeliveryListQuery>>;
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
  webhooks: {
    /**
     * Registers a webhook for case events. Resolves to it with its `whsec_…` signing secret, which is shown this once:
     * keep it where your receiver reads it (`verifyWebhook`). A loopback or private `url` is refused (422 on `url`)
     * unless the server runs with `--allow-private-webhooks`.
     */
    create(webhook: NewWebhook): Promise<WebhookCreated>;
    /** The live webhooks, oldest first, without their secrets. */
    list(): Promise<Webhook[]>;
    /** Nothing new is sent to it; its deliveries stay readable. */
    delete(id: string): Promise<void>;
    /** One page of its delivery attempts (status, duration, error), newest first. */
    deliveries(id: string, options?: WebhookDeliveryListOptions): Promise<WebhookDeliveryPage>;
  };
  integrations: {
    slack: {
      /** Sets the Slack incoming-webhook URL (https) where new and overdue cases are posted. */
      put(url: string): Promise<SlackIntegration>;
      /** The Slack URL, or null when none is set. */
      get(): Promise<SlackIntegration | null>;
      /** Stops posting to Slack. */
      delete(): Promise<void>;
    };
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
  const webhookPath = (id: string) => `webhooks/${encodeURIComponent(id)}`;

  return {
    surveys: {
      list: async () => (await call(api, 'get', 'surveys', SurveyList)).data,
      get: (id) => call(api, 'get', surveyPath(id), SurveyDefinition),
      put: (survey) => call(api, 'put', surveyPath(String(survey.id)), SurveyDefinition, { json: survey }),
      delete: (id) => call(api, 'delete', surveyPath(id), SurveyDefinition),
    },
    responses: { list: (options = {}) => call(api, 'get', 'responses', ResponsePage, { searchParams: query(options) }) },
    followUps: { list: (options = {}) => call(api, 'get', 'follow-ups', FollowUpPage, { searchParams: query(options) }) },
    webhooks: {
      create: (webhook) => call(api, 'post', 'webhooks', WebhookCreated, { json: webhook }),
      list: async () => (await call(api, 'get', 'webhooks', WebhookList)).data,
      delete: (id) => call(api, 'delete', webhookPath(id), NoContent),
      deliveries: (id, options = {}) => call(api, 'get', `${webhookPath(id)}/deliveries`, WebhookDeliveryPage, { searchParams: query(options) }),
    },
    integrations: {
      slack: {
        put: (url) => call(api, 'put', 'integrations/slack', SlackIntegration, { json: { url } }),
        async get() {
          try {
            return await call(api, 'get', 'integrations/slack', SlackIntegration);
          } catch (error) {
            if (error instanceof ManagementApiError && error.code === 'integration_not_found') return null;
            throw error;
          }
        },
        delete: () => call(api, 'delete', 'integrations/slack', NoContent),
      },
    },
  };
}

/** Query parameters without the unset ones, so `{ cursor: undefined }` does not send `cursor=undefined`. */
function query(options: Record<string, string | number | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(options).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
}

async function call<S extends z.ZodType>(
  api: KyInstance,
  method: 'get' | 'post' | 'put' | 'delete',
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
  // A 204 has no body: `undefined`, which only a NoContent schema accepts.
  const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
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
