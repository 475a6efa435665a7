import ky, { HTTPError } from 'ky';
import type { KyInstance, KyResponse } from 'ky';
import { z } from 'zod';
import {
  CaseDetail,
  ErrorBody,
  FollowUp,
  FollowUpList,
  FollowUpStats,
  Member,
  MemberList,
  Page,
  ProjectSettings,
  SlackIntegration,
  ListedResponse,
  SurveyDefinition,
  SurveyList,
  Team,
  TeamList,
  WebhookCreated,
  WebhookDelivery,
  WebhookList,
} from '../schemas/index.js';
import type {
  CaseNoteInput,
  CasePatchInput,
  CaseResolutionInput,
  CloseLoopRequestInput,
  FollowUpListQuery,
  MemberInput,
  MemberPatch,
  NewWebhook,
  ProjectSettingsPatch,
  ResponseListQuery,
  SurveyDefinitionInput,
  TeamInput,
  TeamPatch,
  Webhook,
  WebhookDeliveryListQuery,
} from '../schemas/index.js';
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

const ResponsePage = Page(ListedResponse);
const WebhookDeliveryPage = Page(WebhookDelivery);
/** What a 204 carries: nothing, read as `undefined`. */
const NoContent = z.undefined();
export type FollowUpPage = FollowUpList;
export type ResponsePage = z.infer<typeof ResponsePage>;
export type WebhookDeliveryPage = z.infer<typeof WebhookDeliveryPage>;
export type WebhookDeliveryListOptions = Partial<z.output<typeof WebhookDeliveryListQuery>>;
export type ResponseListOptions = Partial<z.output<typeof ResponseListQuery>>;
export type FollowUpListOptions = Partial<z.output<typeof FollowUpListQuery>>;
export interface StatsWindowOptions {
  from?: Date | string;
  to?: Date | string;
}

export interface ManagementClient {
  surveys: {
    /** Every survey of the project, active or not, by id. */
    list(): Promise<SurveyDefinition[]>;
    get(id: string): Promise<SurveyDefinition>;
    /**
     * Creates or replaces the survey with this `id`; safe to call on every deploy. Resolves to it as stored. Its
     * `followUp.routing` rules must name the project's teams and live members (422 naming the rule otherwise).
     */
    put(survey: SurveyDefinitionInput): Promise<SurveyDefinition>;
    /** Deactivates the survey (its answers and cases are kept); resolves to it, `active: false`. */
    delete(id: string): Promise<SurveyDefinition>;
  };
  responses: {
    /** One page, newest first; pass `nextCursor` back as `cursor` for the next. */
    list(options?: ResponseListOptions): Promise<ResponsePage>;
  };
  followUps: {
    /** One page of the queue (priority, then due time), filtered, with the counts per status. */
    list(options?: FollowUpListOptions): Promise<FollowUpPage>;
    /** The case, its customer's context and its timeline. */
    get(id: string): Promise<CaseDetail>;
    /** Changes status, assignee, team, priority or due time; `version` (the case's, as read) is required. */
    update(id: string, patch: CasePatchInput & { version: number }): Promise<FollowUp>;
    /** Adds a note, or records a contact with `kind: 'contact'`. Resolves to the case, its version raised. */
    addNote(id: string, note: CaseNoteInput): Promise<FollowUp>;
    /** Resolves the case with its resolution. */
    resolve(id: string, resolution: CaseResolutionInput): Promise<FollowUp>;
    /**
     * Tells the customer of a resolved case what was done: `channels` `email` (a verified email attribute, or the
     * email they consented to be contacted at) and/or `widget` (a verified user, shown on their next visit).
     * Resolves to the case, its version raised; 409 when not resolved, 422 naming `channels` when unreachable there.
     */
    closeLoop(id: string, request: CloseLoopRequestInput): Promise<FollowUp>;
  };
  members: {
    list(): Promise<Member[]>;
    create(member: z.input<typeof MemberInput>): Promise<Member>;
    update(id: string, patch: MemberPatch): Promise<Member>;
    /** The member leaves the list and their teams; cases and events keep naming them. */
    delete(id: string): Promise<Member>;
  };
  teams: {
    list(): Promise<Team[]>;
    create(team: z.input<typeof TeamInput>): Promise<Team>;
    update(id: string, patch: TeamPatch): Promise<Team>;
  };
  settings: {
    get(): Promise<ProjectSettings>;
    /**
     * Each setting given replaces the stored one whole: `rootCauses`, `businessHours` (the SLA clock),
     * `feedbackRouting` (rules for feedback-button problems), `customerValue` (priority tiers).
     */
    update(patch: z.input<typeof ProjectSettingsPatch>): Promise<ProjectSettings>;
  };
  stats: {
    /**
     * The follow-up figures (cases opened, contacted within the SLA, median times, breaches, recovery rate, root
     * causes, next-loop rate) of the window, overall, per team and per member. `from` inclusive, `to` exclusive, at
     * most 366 days apart (a Date, or an ISO 8601 date or date-time); default the last 30 days.
     */
    followUps(window?: StatsWindowOptions): Promise<FollowUpStats>;
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
  // Ids travel as one path segment, so an id with a slash is refused by name, not routed elsewhere.
  const path = (resource: string, id: string, ...rest: string[]) => [resource, encodeURIComponent(id), ...rest].join('/');

  return {
    surveys: {
      list: async () => (await call(api, 'get', 'surveys', SurveyList)).data,
      get: (id) => call(api, 'get', path('surveys', id), SurveyDefinition),
      put: (survey) => call(api, 'put', path('surveys', String(survey.id)), SurveyDefinition, { json: survey }),
      delete: (id) => call(api, 'delete', path('surveys', id), SurveyDefinition),
    },
    responses: {
      list: ({ attr = {}, ...options } = {}) =>
        call(api, 'get', 'responses', ResponsePage, { searchParams: { ...query(options), ...Object.fromEntries(Object.entries(attr).map(([name, value]) => [`attr.${name}`, value])) } }),
    },
    followUps: {
      list: (options = {}) => call(api, 'get', 'follow-ups', FollowUpList, { searchParams: query(options) }),
      get: (id) => call(api, 'get', path('follow-ups', id), CaseDetail),
      update: (id, patch) => call(api, 'patch', path('follow-ups', id), FollowUp, { json: patch }),
      addNote: (id, note) => call(api, 'post', path('follow-ups', id, 'notes'), FollowUp, { json: note }),
      resolve: (id, resolution) => call(api, 'post', path('follow-ups', id, 'resolve'), FollowUp, { json: resolution }),
      closeLoop: (id, request) => call(api, 'post', path('follow-ups', id, 'close-loop'), FollowUp, { json: request }),
    },
    members: {
      list: async () => (await call(api, 'get', 'members', MemberList)).data,
      create: (member) => call(api, 'post', 'members', Member, { json: member }),
      update: (id, patch) => call(api, 'patch', path('members', id), Member, { json: patch }),
      delete: (id) => call(api, 'delete', path('members', id), Member),
    },
    teams: {
      list: async () => (await call(api, 'get', 'teams', TeamList)).data,
      create: (team) => call(api, 'post', 'teams', Team, { json: team }),
      update: (id, patch) => call(api, 'patch', path('teams', id), Team, { json: patch }),
    },
    settings: {
      get: () => call(api, 'get', 'settings', ProjectSettings),
      update: (patch) => call(api, 'patch', 'settings', ProjectSettings, { json: patch }),
    },
    stats: {
      followUps: ({ from, to } = {}) => call(api, 'get', 'stats/follow-ups', FollowUpStats, { searchParams: query({ from: instant(from), to: instant(to) }) }),
    },
    webhooks: {
      create: (webhook) => call(api, 'post', 'webhooks', WebhookCreated, { json: webhook }),
      list: async () => (await call(api, 'get', 'webhooks', WebhookList)).data,
      delete: (id) => call(api, 'delete', path('webhooks', id), NoContent),
      deliveries: (id, options = {}) => call(api, 'get', path('webhooks', id, 'deliveries'), WebhookDeliveryPage, { searchParams: query(options) }),
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

/** A window bound as the query takes it: a Date as its ISO timestamp, a string as given (the server checks it). */
function instant(value: Date | string | undefined): string | undefined {
  return value instanceof Date ? value.toISOString() : value;
}

/** Query parameters without the unset ones, so `{ cursor: undefined }` does not send `cursor=undefined`. */
function query(options: Record<string, string | number | boolean | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(options).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
}

async function call<S extends z.ZodType>(
  api: KyInstance,
  method: 'get' | 'put' | 'post' | 'patch' | 'delete',
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
