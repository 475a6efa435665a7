import { z } from 'zod';
import {
  CaseDetail,
  CaseNote,
  CasePatch,
  CaseResolution,
  CloseLoopRequest,
  ConsoleSession,
  FollowUpStreamEvent,
  LoginRequest,
  MessageList,
  SignedUser,
  ConfigResponse,
  ErrorBody,
  FeedbackAccepted,
  FeedbackListQuery,
  FeedbackSubmission,
  FollowUp,
  FollowUpList,
  FollowUpListQuery,
  FollowUpStats,
  FollowUpStatsQuery,
  Member,
  MemberInput,
  MemberList,
  MemberPatch,
  Page,
  PersonErasure,
  PersonExport,
  PersonPath,
  ProjectSettings,
  ProjectSettingsPatch,
  ResponseAccepted,
  ResponseListParams,
  ResponseExportParams,
  CaseExportQuery,
  NpsStats,
  NpsStatsParams,
  DetractorThemes,
  ThemesParams,
  ResponseReadRequest,
  ListedResponse,
  ResponseSubmission,
  StoredFeedback,
  Slug,
  SurveyDefinition,
  SurveyList,
  Team,
  TeamInput,
  TeamList,
  TeamPatch,
  Uuid,
  NewWebhook,
  SlackIntegration,
  Webhook,
  WebhookCreated,
  WebhookDelivery,
  WebhookDeliveryListQuery,
  WebhookEvent,
  WebhookEventType,
  WebhookList,
  WebhookTestEvent,
  NewSecretKey,
  SecretKeyCreated,
  SecretKeyList,
  ProjectProfile,
  ProjectProfilePatch,
  IdentitySecretRotated,
  EmailTestRequest,
  IntegrationTestResult,
} from '@closeloop/sdk/schemas';
import { ConfigQuery } from '../api/config-query.js';

type JsonSchema = Record<string, unknown>;

/** Component schemas: replies as the server sends them (output), request bodies as clients may send them (input). */
const components: Record<string, { schema: z.ZodType; io: 'input' | 'output' }> = {
  ConfigResponse: { schema: ConfigResponse, io: 'output' },
  ResponseSubmission: { schema: ResponseSubmission, io: 'input' },
  ResponseAccepted: { schema: ResponseAccepted, io: 'output' },
  FeedbackSubmission: { schema: FeedbackSubmission, io: 'input' },
  FeedbackAccepted: { schema: FeedbackAccepted, io: 'output' },
  FollowUpList: { schema: FollowUpList, io: 'output' },
  FollowUp: { schema: FollowUp, io: 'output' },
  CaseDetail: { schema: CaseDetail, io: 'output' },
  CasePatch: { schema: CasePatch, io: 'input' },
  CaseNote: { schema: CaseNote, io: 'input' },
  CaseResolution: { schema: CaseResolution, io: 'input' },
  CloseLoopRequest: { schema: CloseLoopRequest, io: 'input' },
  MessageList: { schema: MessageList, io: 'output' },
  SignedUser: { schema: SignedUser, io: 'input' },
  Member: { schema: Member, io: 'output' },
  MemberList: { schema: MemberList, io: 'output' },
  MemberInput: { schema: MemberInput, io: 'input' },
  MemberPatch: { schema: MemberPatch, io: 'input' },
  Team: { schema: Team, io: 'output' },
  TeamList: { schema: TeamList, io: 'output' },
  TeamInput: { schema: TeamInput, io: 'input' },
  TeamPatch: { schema: TeamPatch, io: 'input' },
  ProjectSettings: { schema: ProjectSettings, io: 'output' },
  ProjectSettingsPatch: { schema: ProjectSettingsPatch, io: 'input' },
  FollowUpStats: { schema: FollowUpStats, io: 'output' },
  PersonExport: { schema: PersonExport, io: 'output' },
  PersonErasure: { schema: PersonErasure, io: 'output' },
  ListedResponsePage: { schema: Page(ListedResponse), io: 'output' },
  NpsStats: { schema: NpsStats, io: 'output' },
  DetractorThemes: { schema: DetractorThemes, io: 'output' },
  ResponseReadRequest: { schema: ResponseReadRequest, io: 'input' },
  StoredFeedbackPage: { schema: Page(StoredFeedback), io: 'output' },
  ErrorBody: { schema: ErrorBody, io: 'output' },
  SurveyDefinition: { schema: SurveyDefinition, io: 'output' },
  SurveyDefinitionInput: { schema: SurveyDefinition, io: 'input' },
  SurveyList: { schema: SurveyList, io: 'output' },
  NewWebhook: { schema: NewWebhook, io: 'input' },
  Webhook: { schema: Webhook, io: 'output' },
  WebhookCreated: { schema: WebhookCreated, io: 'output' },
  WebhookList: { schema: WebhookList, io: 'output' },
  WebhookDeliveryPage: { schema: Page(WebhookDelivery), io: 'output' },
  WebhookEvent: { schema: WebhookEvent, io: 'output' },
  SlackIntegration: { schema: SlackIntegration, io: 'input' },
  WebhookDelivery: { schema: WebhookDelivery, io: 'output' },
  WebhookTestEvent: { schema: WebhookTestEvent, io: 'output' },
  NewSecretKey: { schema: NewSecretKey, io: 'input' },
  SecretKeyCreated: { schema: SecretKeyCreated, io: 'output' },
  SecretKeyList: { schema: SecretKeyList, io: 'output' },
  ProjectProfile: { schema: ProjectProfile, io: 'output' },
  ProjectProfilePatch: { schema: ProjectProfilePatch, io: 'input' },
  IdentitySecretRotated: { schema: IdentitySecretRotated, io: 'output' },
  EmailTestRequest: { schema: EmailTestRequest, io: 'input' },
  IntegrationTestResult: { schema: IntegrationTestResult, io: 'output' },
  LoginRequest: { schema: LoginRequest, io: 'input' },
  ConsoleSession: { schema: ConsoleSession, io: 'output' },
  FollowUpStreamEvent: { schema: FollowUpStreamEvent, io: 'output' },
};

const ref = (name: keyof typeof components) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: keyof typeof components) => ({ 'application/json': { schema: ref(name) } });

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** Query parameters from a zod object, one per property, required as the schema says. */
function queryParameters(schema: z.ZodObject): JsonSchema[] {
  const js = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) =>
    // `attr` travels flat (`attr.plan=pro`), one parameter per attribute: OpenAPI has no prefix parameters, so it is described.
    name === 'attr'
      ? { name: 'attr.<name>', in: 'query', required: false, description: 'Only answers of respondents whose attribute <name> equals the value, as text (`attr.plan=pro`); up to 10', schema: { type: 'string', maxLength: 500 } }
      : { name, in: 'query', required: js.required?.includes(name) ?? false, schema: s },
  );
}

function errors(...statuses: number[]): Record<string, unknown> {
  const text: Record<number, string> = {
    400: 'The body is not JSON',
    401: 'Missing or wrong secret key (`authorization`), or no live console session (`session`)',
    403: 'Management: the console role may not do this (`forbidden`), or a session request that changes something lacks its `X-CSRF-Token` (`csrf_failed`). Public: the page origin is not allowed by the project (`origin`); for messages, an unsigned or wrongly signed user (`signature`)',
    404: 'Unknown project, survey, case, member, team, webhook, integration, person (`userId`), file or route',
    409: 'A conflict: the id belongs to another project or survey (`id`); a stale case `version` (the reply names the current one) or an illegal status transition (`status`); an email or team name already taken',
    413: 'The body is larger than the limit',
    415: 'The body is neither application/json nor text/plain',
    422: 'Bad input: `issues` names each field at fault (for answers: one that does not fit its question, or an inactive survey)',
    429: 'Too many failed sign-ins (5 per email, 20 per address in 15 minutes): `Retry-After` says when to try again',
    428: 'The case version is missing: send `version` in the body or `If-Match: "<version>"`',
    503: 'The widget or the console is not built, or the database does not answer',
  };
  return Object.fromEntries(statuses.map((s) => [String(s), { description: text[s] ?? 'Error', content: json('ErrorBody') }]));
}

/** Every management route: the project's secret key, or a console session (cookie, plus X-CSRF-Token on changes). */
const bearer = [{ bearer: [] }, { session: [] }];
const PART = { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' } } };
const HEALTH_ERROR = { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, requestId: { type: 'string' } } };
/** `/healthz`'s reply (routes/healthz): liveness, the job runner's state when the app runs jobs. */
const HEALTH_SCHEMA = {
  type: 'object',
  required: ['ok'],
  properties: {
    ok: { type: 'boolean' },
    jobs: { ...PART, required: ['ok', 'running'], properties: { ok: { type: 'boolean' }, running: { type: 'boolean' } } },
    error: HEALTH_ERROR,
  },
};
/** `/readyz`'s reply, up or down (routes/readyz): each part with `ok`, the database's `reason` when down. */
const READY_SCHEMA = {
  type: 'object',
  required: ['ok', 'database'],
  properties: {
    ok: { type: 'boolean' },
    database: { type: 'object', required: ['ok', 'name'], properties: { ok: { type: 'boolean' }, name: { enum: ['SQLite', 'PostgreSQL'] }, reason: { type: 'string' } } },
    migrations: { type: 'object', required: ['ok', 'pending'], properties: { ok: { type: 'boolean' }, pending: { type: 'array', items: { type: 'string' } } } },
    jobs: HEALTH_SCHEMA.properties.jobs,
    error: HEALTH_ERROR,
  },
};
const surveyIdParameter = { name: 'id', in: 'path', required: true, schema: schemaOf(Slug, 'input') };
const userIdParameter = { name: 'userId', in: 'path', required: true, description: 'The user id the host page gives identify()', schema: schemaOf(PersonPath.shape.userId, 'input') };
const uuidParameter = { name: 'id', in: 'path', required: true, schema: schemaOf(Uuid, 'input') };
const ifMatch = {
  name: 'If-Match',
  in: 'header',
  required: false,
  description: 'The case version the change was made against, as the ETag gives it ("3"); or send `version` in the body',
  schema: { type: 'string' },
};

/** A management write: the secret key, a JSON body, the resource in reply. */
function managementWrite(summary: string, body: keyof typeof components, reply: keyof typeof components, status: '200' | '201', statuses: number[], extra: JsonSchema = {}): JsonSchema {
  return {
    summary,
    security: bearer,
    requestBody: { required: true, content: json(body) },
    ...extra,
    responses: { [status]: { description: status === '201' ? 'Created' : 'Changed', content: json(reply) }, ...errors(...statuses) },
  };
}

/** A management read of one resource or a whole small list. */
function managementRead(summary: string, reply: keyof typeof components, statuses: number[]): JsonSchema {
  return { summary, security: bearer, responses: { '200': { description: 'OK', content: json(reply) }, ...errors(...statuses) } };
}

/** A change to a case: the version it was made against (body or If-Match), the case as it now is in reply (ETag: its version). */
const caseChangeErrors = [400, 401, 404, 409, 415, 422];

/** What the server POSTs to a registered webhook: a signed body (OpenAPI 3.1 `webhooks`). */
function signedPost(summary: string, body: 'WebhookEvent' | 'WebhookTestEvent'): JsonSchema {
  const header = (name: string, description: string) => ({ name, in: 'header', required: true, description, schema: { type: 'string' } });
  return {
    post: {
      summary,
      parameters: [
        header('webhook-id', 'The same on every retry of this event to this webhook: drop an id you handled already'),
        header('webhook-timestamp', 'When this attempt was signed, Unix seconds'),
        header('webhook-signature', '`v1,<base64 HMAC-SHA256 of "id.timestamp.body">` with the whsec_ secret (verifyWebhook in @closeloop/sdk/node)'),
      ],
      requestBody: { required: true, content: json(body) },
      responses: { '2XX': { description: 'Delivered; anything else (or no answer within 10 s) is retried with backoff (a test is never retried)' } },
    },
  };
}

interface BrowserPost {
  summary: string;
  body: keyof typeof components;
  accepted: keyof typeof components;
  created: string;
  repeated: string;
  errors: number[];
}

/**
 * A POST from the browser: the body is JSON, sent as application/json or as text/plain (sendBeacon and
 * preflight-free fetches send that); 201 when the id is new, 200 for a later step or a repeat.
 */
function browserPost({ summary, body, accepted, created, repeated, errors: statuses }: BrowserPost): JsonSchema {
  return {
    post: {
      summary,
      requestBody: { required: true, content: { ...json(body), 'text/plain': { schema: ref(body) } } },
      responses: {
        '201': { description: created, content: json(accepted) },
        '200': { description: repeated, content: json(accepted) },
        ...errors(...statuses),
      },
    },
  };
}

/** A management list: the secret key, the query from the contract, one page of the items in reply. */
function managementList(summary: string, query: z.ZodObject, page: keyof typeof components, description: string): JsonSchema {
  return {
    get: {
      summary,
      security: bearer,
      parameters: queryParameters(query),
      responses: { '200': { description, content: json(page) }, ...errors(401, 422) },
    },
  };
}

/** A CSV download: streamed, UTF-8 with a BOM, formula-like cells prefixed with `'`. */
function csvExport(summary: string, query: z.ZodObject): JsonSchema {
  return {
    get: {
      summary: `${summary}, as CSV (streamed, UTF-8 with BOM; text cells starting with = + - @ tab or CR are prefixed with ')`,
      security: bearer,
      parameters: queryParameters(query),
      responses: { '200': { description: 'The CSV file (attachment)', content: { 'text/csv': { schema: { type: 'string' } } } }, ...errors(401, 422) },
    },
  };
}

/** The OpenAPI 3.1 document of the HTTP API, generated from the contract so it cannot drift from the validation. */
export function openApiDocument(): JsonSchema {
  const doc: JsonSchema = {
    openapi: '3.1.0',
    info: { title: 'Closeloop API', version: '1', description: 'NPS answers in, follow-up cases out.' },
    components: {
      schemas: Object.fromEntries(Object.entries(components).map(([name, { schema, io }]) => [name, schemaOf(schema, io)])),
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'The project secret key, sk_…: every permission' },
        metricsToken: { type: 'http', scheme: 'bearer', description: 'The server’s CLOSELOOP_METRICS_TOKEN (GET /metrics only)' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'closeloop_session',
          description:
            'A console session (POST /api/v1/session): the member’s role decides (admin everything; agent reads and works cases; viewer reads). Requests other than GET/HEAD/OPTIONS must send the session’s csrfToken in X-CSRF-Token',
        },
      },
    },
    paths: {
      '/healthz': {
        get: {
          summary: 'Liveness: the process answers and its job runner runs (the database is not asked: see /readyz)',
          responses: {
            '200': { description: 'Alive', content: { 'application/json': { schema: HEALTH_SCHEMA } } },
            '503': { description: 'The job runner stopped (`error.code` jobs_stopped)', content: { 'application/json': { schema: HEALTH_SCHEMA } } },
          },
        },
      },
      '/readyz': {
        get: {
          summary: 'Readiness, naming the part that is down: the database (answers and takes writes), its migrations (none pending), the job runner (runs)',
          responses: {
            '200': { description: 'Every part up', content: { 'application/json': { schema: READY_SCHEMA } } },
            '503': {
              description: 'A part is down (`error.code`: store_unavailable, with Retry-After; migrations_pending; jobs_stopped)',
              content: { 'application/json': { schema: READY_SCHEMA } },
            },
          },
        },
      },
      '/metrics': {
        get: {
          summary: 'Prometheus metrics (text format), only when CLOSELOOP_METRICS_TOKEN is set; send it as a bearer token',
          security: [{ metricsToken: [] }],
          responses: { '200': { description: 'Metrics', content: { 'text/plain': { schema: { type: 'string' } } } }, ...errors(401) },
        },
      },
      '/v1/config': {
        get: {
          summary: "A project's active surveys (ETag; send If-None-Match for a 304); with a signed `user`, also what they answered",
          parameters: [...queryParameters(ConfigQuery), { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } }],
          responses: { '200': { description: 'Config', content: json('ConfigResponse') }, '304': { description: 'Unchanged' }, ...errors(403, 404, 422) },
        },
      },
      '/v1/responses': browserPost({
        summary: 'Submit one step of a response (idempotent on `id`; later steps merge)',
        body: 'ResponseSubmission',
        accepted: 'ResponseAccepted',
        created: 'New response stored',
        repeated: 'Merged into the stored response',
        errors: [400, 403, 404, 409, 413, 415, 422],
      }),
      '/v1/feedback': browserPost({
        summary: 'Send feedback from the feedback button (idempotent on `id`; a `problem` opens a follow-up case)',
        body: 'FeedbackSubmission',
        accepted: 'FeedbackAccepted',
        created: 'New feedback stored',
        repeated: 'Repeat of stored feedback; nothing changed',
        errors: [400, 403, 404, 409, 413, 415, 422],
      }),
      '/v1/messages': {
        get: {
          summary: "A verified user's messages not yet seen, oldest first (what closed the loop with them), for the widget to show",
          parameters: queryParameters(SignedUser),
          responses: {
            '200': { description: 'The unseen messages (`Cache-Control: private, no-store`)', content: json('MessageList') },
            ...errors(403, 404, 422),
          },
        },
      },
      '/v1/messages/{id}/seen': {
        parameters: [uuidParameter],
        post: {
          summary: 'The verified user saw the message: marked once, `message_seen` on the case timeline; repeats change nothing',
          requestBody: { required: true, content: { ...json('SignedUser'), 'text/plain': { schema: ref('SignedUser') } } },
          responses: { '204': { description: 'Seen' }, ...errors(400, 403, 404, 413, 415, 422) },
        },
      },
      '/api/v1/follow-ups': managementList(
        'The case queue: most urgent first, then soonest due, then id; filtered; with the counts per status for the same filters bar `status`',
        FollowUpListQuery,
        'FollowUpList',
        'A page of cases and the counts',
      ),
      '/api/v1/follow-ups/{id}': {
        parameters: [uuidParameter],
        get: managementRead('The case, its customer (respondent, page, device, locale, earlier responses and cases) and its timeline; ETag: its version', 'CaseDetail', [401, 404, 422]),
        patch: managementWrite(
          'Change status, assignee, team, priority or due time; the version is required (`version` or If-Match); `resolved` only through /resolve',
          'CasePatch',
          'FollowUp',
          '200',
          [...caseChangeErrors, 428],
          { parameters: [ifMatch] },
        ),
      },
      '/api/v1/follow-ups/{id}/notes': {
        parameters: [uuidParameter],
        post: managementWrite('Add a note, or record a contact with the customer (`kind: contact`)', 'CaseNote', 'FollowUp', '201', caseChangeErrors, { parameters: [ifMatch] }),
      },
      '/api/v1/follow-ups/{id}/resolve': {
        parameters: [uuidParameter],
        post: managementWrite('Resolve the case: resolution, summary, root cause (one of the project settings), compensation', 'CaseResolution', 'FollowUp', '200', caseChangeErrors, {
          parameters: [ifMatch],
        }),
      },
      '/api/v1/follow-ups/{id}/close-loop': {
        parameters: [uuidParameter],
        post: managementWrite(
          'Tell the customer of a resolved case what was done: by email (a verified email attribute or a consented email contact) and/or in the widget (verified users); 409 naming `status` when not resolved, 422 naming `channels` when the customer cannot be reached there',
          'CloseLoopRequest',
          'FollowUp',
          '201',
          caseChangeErrors,
          { parameters: [ifMatch] },
        ),
      },
      '/api/v1/members': {
        get: managementRead('The members who work cases, by name', 'MemberList', [401]),
        post: managementWrite('Add a member (the email is unique in the project)', 'MemberInput', 'Member', '201', [400, 401, 409, 415, 422]),
      },
      '/api/v1/members/{id}': {
        parameters: [uuidParameter],
        patch: managementWrite('Change a member: name, email, role, away', 'MemberPatch', 'Member', '200', [400, 401, 404, 409, 415, 422]),
        delete: managementRead('Delete a member: no longer listed or assignable; cases and events keep the id', 'Member', [401, 404, 422]),
      },
      '/api/v1/teams': {
        get: managementRead('The teams, by name, each with its members', 'TeamList', [401]),
        post: managementWrite('Create a team of members (`memberIds.<i>` named when not a member)', 'TeamInput', 'Team', '201', [400, 401, 409, 415, 422]),
      },
      '/api/v1/teams/{id}': {
        parameters: [uuidParameter],
        patch: managementWrite('Rename a team and/or replace its members', 'TeamPatch', 'Team', '200', [400, 401, 404, 409, 415, 422]),
      },
      '/api/v1/settings': {
        get: managementRead('The project settings (root causes, business hours, feedback routing, customer value), defaults filled in', 'ProjectSettings', [401]),
        patch: managementWrite('Replace the settings given, keep the others; feedback routing rules must name the project’s teams and live members', 'ProjectSettingsPatch', 'ProjectSettings', '200', [400, 401, 415, 422]),
      },
      '/api/v1/settings/project': {
        get: managementRead('The project’s name, public key (for the script tag) and allowed origins; never the identity secret', 'ProjectProfile', [401]),
        patch: managementWrite('Rename the project and/or replace its allowed origins (each a bare origin such as https://shop.example, or *)', 'ProjectProfilePatch', 'ProjectProfile', '200', [400, 401, 415, 422]),
      },
      '/api/v1/settings/identity-secret/rotate': {
        post: {
          summary: 'Replace the identity secret; the new one is shown this once. Signatures made with the old one stop verifying at once: until the host backend signs with the new one, its users count as unverified',
          security: bearer,
          responses: { '200': { description: 'Rotated', content: json('IdentitySecretRotated') }, ...errors(401) },
        },
      },
      '/api/v1/keys': {
        get: managementRead('The project’s secret keys, revoked ones too, oldest first: label, prefix, created, last used, revoked; never the keys', 'SecretKeyList', [401]),
        post: managementWrite('Create a secret key; the reply holds its sk_live_ secret, shown this once', 'NewSecretKey', 'SecretKeyCreated', '201', [400, 401, 415, 422]),
      },
      '/api/v1/keys/{id}': {
        parameters: [uuidParameter],
        delete: {
          summary: 'Revoke a key: it gets 401 from the next request on. The key the request itself uses is refused (409 `key_in_use`), as is a key revoked already (409 `key_revoked`)',
          security: bearer,
          responses: { '204': { description: 'Revoked' }, ...errors(401, 404, 409, 422) },
        },
      },
      '/api/v1/stats/follow-ups': managementList(
        'Follow-up stats of the cases opened and the detractors who answered in the window (`from` inclusive, `to` exclusive, at most 366 days; default the last 30): overall, per team and per member',
        FollowUpStatsQuery,
        'FollowUpStats',
        'The figures',
      ),
      '/api/v1/people/{userId}/export': {
        parameters: [userIdParameter],
        get: managementRead(
          'Everything stored about one person (verified or not): responses, feedback, and each case about them with its timeline and messages; 404 naming `userId` when nothing is',
          'PersonExport',
          [401, 404, 422],
        ),
      },
      '/api/v1/people/{userId}': {
        parameters: [userIdParameter],
        delete: managementRead(
          "Erase one person's personal data in one transaction (answers' text, identity, contact, comments, notes, messages, delivery errors); scores and cases stay, anonymous, for the stats; one `personal_data_erased` event per affected case; a repeat reports zero counts; 404 naming `userId` for someone never stored",
          'PersonErasure',
          [401, 404, 422],
        ),
      },
      '/api/v1/stats/nps': managementList(
        'NPS over time: the NPS answers received in the window (`from` inclusive, `to` exclusive, at most 366 days; default the last 30), per UTC day or ISO week, with the 0–10 distribution and totals',
        NpsStatsParams,
        'NpsStats',
        'The figures',
      ),
      '/api/v1/stats/themes': managementList(
        'Detractor themes: the words and two-word phrases most used in detractor (NPS 0–6) comments, stop words of the widget’s languages removed, and the pages producing the most detractors',
        ThemesParams,
        'DetractorThemes',
        'The themes',
      ),
      '/api/v1/responses': managementList(
        'Responses, newest first; `read`/`unread` and the `read` field are a signed-in member’s (a project key gets `read: null` and may not filter by it)',
        ResponseListParams,
        'ListedResponsePage',
        'A page of responses',
      ),
      '/api/v1/responses/read': {
        post: {
          summary: 'Mark responses read for the signed-in member (a project key has no read state: 422 naming `ids`)',
          security: bearer,
          requestBody: { required: true, content: json('ResponseReadRequest') },
          responses: { '204': { description: 'Marked' }, ...errors(400, 401, 415, 422) },
        },
      },
      '/api/v1/responses/unread': {
        post: {
          summary: 'Mark responses unread for the signed-in member',
          security: bearer,
          requestBody: { required: true, content: json('ResponseReadRequest') },
          responses: { '204': { description: 'Marked' }, ...errors(400, 401, 415, 422) },
        },
      },
      '/api/v1/export/responses.csv': csvExport('Every response the list’s filters match, newest first', ResponseExportParams),
      '/api/v1/export/cases.csv': csvExport('Every case the queue’s filters match, in the queue’s order', CaseExportQuery),
      '/api/v1/feedback': managementList('Feedback, newest first', FeedbackListQuery, 'StoredFeedbackPage', 'A page of feedback'),
      '/api/v1/surveys': {
        get: {
          summary: 'Every survey of the project, active or not, by id',
          security: bearer,
          responses: { '200': { description: 'The surveys', content: json('SurveyList') }, ...errors(401) },
        },
      },
      '/api/v1/surveys/{id}': {
        parameters: [surveyIdParameter],
        get: {
          summary: 'One survey, defaults filled in',
          security: bearer,
          responses: { '200': { description: 'The survey', content: json('SurveyDefinition') }, ...errors(401, 404, 422) },
        },
        put: {
          summary: 'Create or replace a survey; the body `id` must equal the path `id`, and its routing rules must name the project’s teams and live members',
          security: bearer,
          requestBody: { required: true, content: json('SurveyDefinitionInput') },
          responses: {
            '201': { description: 'Created', content: json('SurveyDefinition') },
            '200': { description: 'Replaced', content: json('SurveyDefinition') },
            ...errors(400, 401, 413, 415, 422),
          },
        },
        delete: {
          summary: 'Deactivate a survey: it leaves /v1/config; its definition, responses and cases are kept',
          security: bearer,
          responses: { '200': { description: 'The deactivated survey', content: json('SurveyDefinition') }, ...errors(401, 404, 422) },
        },
      },
      '/api/v1/webhooks': {
        post: {
          summary: 'Register a webhook for case events; the reply holds its whsec_ signing secret, shown this once',
          security: bearer,
          requestBody: { required: true, content: json('NewWebhook') },
          responses: {
            '201': { description: 'Registered', content: json('WebhookCreated') },
            ...errors(400, 401, 415, 422),
          },
        },
        get: {
          summary: 'The live webhooks, oldest first, without their secrets',
          security: bearer,
          responses: { '200': { description: 'The webhooks', content: json('WebhookList') }, ...errors(401) },
        },
      },
      '/api/v1/webhooks/{id}': {
        parameters: [uuidParameter],
        delete: {
          summary: 'Delete a webhook: nothing new is sent to it; its deliveries stay readable',
          security: bearer,
          responses: { '204': { description: 'Deleted' }, ...errors(401, 404, 422) },
        },
      },
      '/api/v1/webhooks/{id}/deliveries': {
        parameters: [uuidParameter],
        get: {
          summary: "A webhook's delivery attempts, newest first (a deleted webhook's too)",
          security: bearer,
          parameters: queryParameters(WebhookDeliveryListQuery),
          responses: { '200': { description: 'A page of attempts', content: json('WebhookDeliveryPage') }, ...errors(401, 404, 422) },
        },
      },
      '/api/v1/webhooks/{id}/test': {
        parameters: [uuidParameter],
        post: {
          summary: 'Send a signed `webhook.test` now, once (never retried), through the same signing and guarded POST as case events; the attempt is recorded in the delivery log and returned, a refusal included',
          security: bearer,
          responses: { '200': { description: 'The recorded attempt', content: json('WebhookDelivery') }, ...errors(401, 404, 422) },
        },
      },
      '/api/v1/integrations/slack/test': {
        post: {
          summary: 'Post a test message to the Slack URL now, once; how it went in the reply (409 when no Slack URL is set)',
          security: bearer,
          responses: { '200': { description: 'How it went', content: json('IntegrationTestResult') }, ...errors(401, 409) },
        },
      },
      '/api/v1/integrations/email/test': {
        post: managementWrite('Send a test mail through the server’s SMTP settings now, once; how it went in the reply (409 when the server has no mail settings)', 'EmailTestRequest', 'IntegrationTestResult', '200', [400, 401, 409, 415, 422]),
      },
      '/api/v1/integrations/slack': {
        put: {
          summary: 'Set the Slack incoming-webhook URL (https) where new and overdue cases are posted',
          security: bearer,
          requestBody: { required: true, content: json('SlackIntegration') },
          responses: { '200': { description: 'Set', content: json('SlackIntegration') }, ...errors(400, 401, 415, 422) },
        },
        get: {
          summary: 'The Slack incoming-webhook URL',
          security: bearer,
          responses: { '200': { description: 'Set', content: json('SlackIntegration') }, ...errors(401, 404) },
        },
        delete: {
          summary: 'Stop posting cases to Slack',
          security: bearer,
          responses: { '204': { description: 'Removed' }, ...errors(401, 404) },
        },
      },
      '/{file}': {
        get: {
          summary: 'The widget: `/closeloop.js` and the content-hashed chunks beside it (cached immutable), readable from any page',
          parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*\\.(js|css|json|map)$' } }],
          responses: {
            '200': { description: 'The file', content: { 'text/javascript': {}, 'text/css': {}, 'application/json': {} } },
            '304': { description: 'Unchanged' },
            ...errors(404, 503),
          },
        },
      },
      '/closeloop-preview.html': {
        get: {
          summary: "The console's live survey preview: the widget rendering a survey its same-origin parent posts (framable by this origin only, connects nowhere)",
          responses: { '200': { description: 'The page', content: { 'text/html': {} } }, '304': { description: 'Unchanged' }, ...errors(404, 503) },
        },
      },
      '/': { get: { summary: 'Under `closeloop demo` only: redirects to the demo shop', responses: { '302': { description: 'To /demo/' } } } },
      '/demo': { get: { summary: 'Under `closeloop demo` only: redirects to /demo/', responses: { '301': { description: 'To /demo/' } } } },
      '/demo/{path}': {
        get: {
          summary: 'Under `closeloop demo` only: the demo shop (`index.html` for folders; `path` may hold slashes)',
          parameters: [{ name: 'path', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'The file', content: { 'text/html': {} } }, '304': { description: 'Unchanged' }, ...errors(400, 404) },
        },
      },
      '/api/v1/session': {
        post: {
          summary: 'Console sign-in: sets the HttpOnly `closeloop_session` cookie (SameSite=Lax; Secure over https); one 401 `invalid_credentials` for a wrong email or password',
          requestBody: { required: true, content: json('LoginRequest') },
          responses: {
            '200': { description: 'Signed in; keep `csrfToken` for X-CSRF-Token', headers: { 'Set-Cookie': { schema: { type: 'string' } } }, content: json('ConsoleSession') },
            ...errors(400, 401, 415, 422, 429),
          },
        },
        get: {
          summary: 'The signed-in member, their project and the CSRF token',
          security: [{ session: [] }],
          responses: { '200': { description: 'A live session', content: json('ConsoleSession') }, ...errors(401) },
        },
        delete: {
          summary: 'Sign out: the session ends server-side and the cookie is cleared (needs X-CSRF-Token)',
          security: [{ session: [] }],
          responses: { '204': { description: 'Signed out' }, ...errors(401, 403) },
        },
      },
      '/api/v1/events': {
        get: {
          summary:
            'Live case updates as server-sent events: one `follow_up` message per new timeline event of the project (`id`: the event id; `data`: FollowUpStreamEvent JSON); `Last-Event-ID` resumes after that event; a `: ping` comment every 15 s',
          security: bearer,
          parameters: [{ name: 'Last-Event-ID', in: 'header', required: false, description: 'The last event id received: the stream resumes after it', schema: { type: 'string' } }],
          responses: { '200': { description: 'The stream', content: { 'text/event-stream': { schema: ref('FollowUpStreamEvent') } } }, ...errors(401) },
        },
      },
      '/console': { get: { summary: 'Redirects to /console/', responses: { '301': { description: 'To /console/' } } } },
      '/console/{path}': {
        get: {
          summary: 'The console (@closeloop/console’s build): its files (`assets/` immutable), and index.html (no-cache, strict CSP) for any other path without an extension',
          parameters: [{ name: 'path', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'The file', content: { 'text/html': {}, 'text/javascript': {}, 'text/css': {} } }, '304': { description: 'Unchanged' }, ...errors(404, 503) },
        },
      },
      '/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } } },
    },
    webhooks: {
      ...Object.fromEntries(WebhookEventType.options.map((type) => [type, signedPost(`\`${type}\`: the case as it is after the change, in \`data.followUp\``, 'WebhookEvent')])),
      'webhook.test': signedPost('`webhook.test`: sent by "send test" in the settings, signed like every event; answer 2xx, nothing to act on', 'WebhookTestEvent'),
    },
  };
  return withRoleRefusals(doc);
}

/** Every route a console session may call can answer 403 (its role, or a missing CSRF token): documented once here. */
function withRoleRefusals(doc: JsonSchema): JsonSchema {
  const paths = doc['paths'] as Record<string, Record<string, { security?: unknown; responses: Record<string, unknown> }>>;
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item)) {
      if (operation.security === bearer && !('403' in operation.responses)) Object.assign(operation.responses, errors(403));
    }
  }
  return doc;
}
