import { z } from 'zod';
import {
  ConfigResponse,
  ErrorBody,
  FeedbackAccepted,
  FeedbackListQuery,
  FeedbackSubmission,
  FollowUp,
  FollowUpListQuery,
  Page,
  ProjectKey,
  ResponseAccepted,
  ResponseListQuery,
  ResponseSubmission,
  StoredFeedback,
  StoredResponse,
  Slug,
  SurveyDefinition,
  SurveyList,
} from '@closeloop/sdk/schemas';

type JsonSchema = Record<string, unknown>;

/** Component schemas: replies as the server sends them (output), request bodies as clients may send them (input). */
const components: Record<string, { schema: z.ZodType; io: 'input' | 'output' }> = {
  ConfigResponse: { schema: ConfigResponse, io: 'output' },
  ResponseSubmission: { schema: ResponseSubmission, io: 'input' },
  ResponseAccepted: { schema: ResponseAccepted, io: 'output' },
  FeedbackSubmission: { schema: FeedbackSubmission, io: 'input' },
  FeedbackAccepted: { schema: FeedbackAccepted, io: 'output' },
  FollowUpPage: { schema: Page(FollowUp), io: 'output' },
  StoredResponsePage: { schema: Page(StoredResponse), io: 'output' },
  StoredFeedbackPage: { schema: Page(StoredFeedback), io: 'output' },
  ErrorBody: { schema: ErrorBody, io: 'output' },
  SurveyDefinition: { schema: SurveyDefinition, io: 'output' },
  SurveyDefinitionInput: { schema: SurveyDefinition, io: 'input' },
  SurveyList: { schema: SurveyList, io: 'output' },
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
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: js.required?.includes(name) ?? false,
    schema: s,
  }));
}

function errors(...statuses: number[]): Record<string, unknown> {
  const text: Record<number, string> = {
    400: 'Bad input; `issues` names each field at fault',
    401: 'Missing or wrong secret key (`authorization`)',
    403: 'The page origin is not allowed by the project (`origin`)',
    404: 'Unknown project, survey or route',
    409: 'The id belongs to another project or survey (`id`)',
    413: 'The body is larger than the limit',
    415: 'The body is neither application/json nor text/plain',
    422: 'The answers do not fit the survey, or the survey is inactive',
    503: 'The widget is not built, or the database does not answer',
  };
  return Object.fromEntries(statuses.map((s) => [String(s), { description: text[s] ?? 'Error', content: json('ErrorBody') }]));
}

const bearer = [{ bearer: [] }];
const surveyIdParameter = { name: 'id', in: 'path', required: true, schema: schemaOf(Slug, 'input') };

/** The OpenAPI 3.1 document of the HTTP API, generated from the contract so it cannot drift from the validation. */
export function openApiDocument(): JsonSchema {
  return {
    openapi: '3.1.0',
    info: { title: 'Closeloop API', version: '1', description: 'NPS answers in, follow-up cases out.' },
    components: {
      schemas: Object.fromEntries(Object.entries(components).map(([name, { schema, io }]) => [name, schemaOf(schema, io)])),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The project secret key, sk_…' } },
    },
    paths: {
      '/healthz': {
        get: {
          summary: 'Liveness and database check',
          responses: {
            '200': { description: 'Up', content: { 'application/json': { schema: { type: 'object', properties: { ok: { const: true } } } } } },
            ...errors(503),
          },
        },
      },
      '/v1/config': {
        get: {
          summary: "A project's active surveys (ETag; send If-None-Match for a 304)",
          parameters: [{ name: 'project', in: 'query', required: true, schema: schemaOf(ProjectKey, 'input') }],
          responses: { '200': { description: 'Config', content: json('ConfigResponse') }, '304': { description: 'Unchanged' }, ...errors(400, 403, 404) },
        },
      },
      '/v1/responses': {
        post: {
          summary: 'Submit one step of a response (idempotent on `id`; later steps merge)',
          requestBody: {
            required: true,
            content: { ...json('ResponseSubmission'), 'text/plain': { schema: ref('ResponseSubmission') } },
          },
          responses: {
            '201': { description: 'New response stored', content: json('ResponseAccepted') },
            '200': { description: 'Merged into the stored response', content: json('ResponseAccepted') },
            ...errors(400, 403, 404, 409, 413, 415, 422),
          },
        },
      },
      '/v1/feedback': {
        post: {
          summary: 'Send feedback from the feedback button (idempotent on `id`; a `problem` opens a follow-up case)',
          requestBody: {
            required: true,
            content: { ...json('FeedbackSubmission'), 'text/plain': { schema: ref('FeedbackSubmission') } },
          },
          responses: {
            '201': { description: 'New feedback stored', content: json('FeedbackAccepted') },
            '200': { description: 'Repeat of stored feedback; nothing changed', content: json('FeedbackAccepted') },
            ...errors(400, 403, 404, 409, 413, 415),
          },
        },
      },
      '/api/v1/follow-ups': {
        get: {
          summary: 'Follow-up cases, newest first, each with what opened it (`source`: a survey response or feedback)',
          security: bearer,
          parameters: queryParameters(FollowUpListQuery),
          responses: { '200': { description: 'A page of cases', content: json('FollowUpPage') }, ...errors(400, 401) },
        },
      },
      '/api/v1/responses': {
        get: {
          summary: 'Responses, newest first',
          security: bearer,
          parameters: queryParameters(ResponseListQuery),
          responses: { '200': { description: 'A page of responses', content: json('StoredResponsePage') }, ...errors(400, 401) },
        },
      },
      '/api/v1/feedback': {
        get: {
          summary: 'Feedback, newest first',
          security: bearer,
          parameters: queryParameters(FeedbackListQuery),
          responses: { '200': { description: 'A page of feedback', content: json('StoredFeedbackPage') }, ...errors(400, 401) },
        },
      },
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
          responses: { '200': { description: 'The survey', content: json('SurveyDefinition') }, ...errors(400, 401, 404) },
        },
        put: {
          summary: 'Create or replace a survey; the body `id` must equal the path `id`',
          security: bearer,
          requestBody: { required: true, content: json('SurveyDefinitionInput') },
          responses: {
            '201': { description: 'Created', content: json('SurveyDefinition') },
            '200': { description: 'Replaced', content: json('SurveyDefinition') },
            ...errors(400, 401, 413, 415),
          },
        },
        delete: {
          summary: 'Deactivate a survey: it leaves /v1/config; its definition, responses and cases are kept',
          security: bearer,
          responses: { '200': { description: 'The deactivated survey', content: json('SurveyDefinition') }, ...errors(400, 401, 404) },
        },
      },
      '/closeloop.js': {
        get: {
          summary: 'The widget script (content-hashed chunks are served beside it, cached immutable)',
          responses: { '200': { description: 'JavaScript', content: { 'text/javascript': {} } }, '304': { description: 'Unchanged' }, ...errors(503) },
        },
      },
      '/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } } },
    },
  };
}
