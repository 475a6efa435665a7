import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { createMetrics } from '../metrics/metrics.js';
import { openSqliteTestDb } from '../testing/test-dbs.js';
import { openApiDocument } from './openapi-document.js';

interface Parameter {
  name: string;
  in: string;
}

/** A Hono route path in OpenAPI's notation: `:id` and `:file{regex}` as `{id}`, `{file}`; a trailing `*` as `{path}`. */
function openApiPath(honoPath: string): string {
  return honoPath.replace(/:(\w+)(\{(?:[^{}]|\{[^{}]*\})*\})?/g, '{$1}').replace(/\/\*$/, '/{path}');
}

describe('openApiDocument', () => {
  const doc = openApiDocument() as {
    openapi: string;
    paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: unknown; responses: Record<string, unknown> }>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
  };

  it('is OpenAPI 3.1 and lists every route', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/',
        '/api/v1/feedback',
        '/api/v1/follow-ups',
        '/api/v1/follow-ups/{id}',
        '/api/v1/follow-ups/{id}/notes',
        '/api/v1/follow-ups/{id}/resolve',
        '/api/v1/follow-ups/{id}/close-loop',
        '/api/v1/members',
        '/api/v1/members/{id}',
        '/api/v1/teams',
        '/api/v1/teams/{id}',
        '/api/v1/settings',
        '/api/v1/settings/project',
        '/api/v1/settings/identity-secret/rotate',
        '/api/v1/keys',
        '/api/v1/keys/{id}',
        '/api/v1/webhooks/{id}/test',
        '/api/v1/integrations/slack/test',
        '/api/v1/integrations/email/test',
        '/api/v1/stats/follow-ups',
        '/api/v1/stats/nps',
        '/api/v1/stats/themes',
        '/api/v1/responses',
        '/api/v1/people/{userId}',
        '/api/v1/people/{userId}/export',
        '/api/v1/responses/read',
        '/api/v1/responses/unread',
        '/api/v1/export/responses.csv',
        '/api/v1/export/cases.csv',
        '/api/v1/surveys',
        '/api/v1/surveys/{id}',
        '/api/v1/webhooks',
        '/api/v1/webhooks/{id}',
        '/api/v1/webhooks/{id}/deliveries',
        '/closeloop-preview.html',
        '/api/v1/integrations/slack',
        '/api/v1/session',
        '/api/v1/events',
        '/console',
        '/console/{path}',
        '/demo',
        '/demo/{path}',
        '/healthz',
        '/metrics',
        '/readyz',
        '/openapi.json',
        '/v1/config',
        '/v1/feedback',
        '/v1/messages',
        '/v1/messages/{id}/seen',
        '/v1/responses',
        '/{file}',
      ].sort(),
    );
  });

  it('documents exactly the routes the app serves, each path parameter included', async () => {
    const { db, cleanup } = await openSqliteTestDb();
    // Every optional route on: the widget files, the demo shop and /metrics.
    const app = createApp({ db, widgetDir: '/widget', demoDir: '/demo-site', metrics: createMetrics({ db }), metricsToken: 'a-long-enough-token' });
    await cleanup();
    // Middleware (`use`) registers as ALL; a route with its own middleware (bodySizeLimit) appears once per handler.
    const served = new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`));
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => key !== 'parameters')
        .map((method) => `${method} ${path}`),
    );
    expect([...served].sort()).toEqual(documented.sort());

    for (const [path, item] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, operation] of Object.entries(item)) {
        if (method === 'parameters') continue;
        const inPath = [...((item as unknown as { parameters?: Parameter[] }).parameters ?? []), ...(operation.parameters ?? [])].filter((p) => p.in === 'path');
        expect(inPath.map((p) => p.name), `${method} ${path}`).toEqual(names);
      }
    }
  });

  it('documents the error replies each route can give', () => {
    const statuses = (path: string, method: string) => Object.keys(doc.paths[path]?.[method]?.responses ?? {});
    for (const path of ['/api/v1/follow-ups', '/api/v1/responses', '/api/v1/feedback', '/api/v1/surveys']) expect(statuses(path, 'get')).toContain('401');
    expect(statuses('/api/v1/surveys/{id}', 'put')).toEqual(expect.arrayContaining(['400', '401', '413', '415', '422']));
    expect(statuses('/v1/responses', 'post')).toEqual(expect.arrayContaining(['400', '403', '404', '409', '413', '415', '422']));
    expect(statuses('/v1/feedback', 'post')).toEqual(expect.arrayContaining(['400', '403', '404', '409', '413', '415', '422']));
    expect(statuses('/{file}', 'get')).toEqual(expect.arrayContaining(['404', '503']));
    expect(statuses('/api/v1/follow-ups/{id}', 'patch')).toEqual(expect.arrayContaining(['401', '404', '409', '422', '428']));
    for (const action of ['notes', 'resolve']) expect(statuses(`/api/v1/follow-ups/{id}/${action}`, 'post')).toEqual(expect.arrayContaining(['404', '409', '422']));
    expect(statuses('/api/v1/members', 'post')).toEqual(expect.arrayContaining(['409', '422']));
    expect(statuses('/api/v1/teams/{id}', 'patch')).toEqual(expect.arrayContaining(['404', '409', '422']));
    // A console role may be refused any management route; sign-in is rate limited.
    for (const [path, method] of [['/api/v1/surveys/{id}', 'put'], ['/api/v1/follow-ups', 'get'], ['/api/v1/settings', 'patch']] as const) expect(statuses(path, method)).toContain('403');
    expect(statuses('/api/v1/session', 'post')).toEqual(expect.arrayContaining(['401', '422', '429']));
  });

  it('documents query parameters from the contract', () => {
    expect(doc.paths['/api/v1/follow-ups']?.['get']?.parameters?.map((p) => p.name)).toEqual([
      'limit',
      'cursor',
      'status',
      'assignee',
      'team',
      'priority',
      'overdue',
      'surveyId',
      'source',
      'q',
    ]);
    expect(doc.paths['/api/v1/responses']?.['get']?.parameters?.map((p) => p.name)).toEqual(['limit', 'cursor', 'surveyId', 'from', 'to', 'page', 'attr.<name>', 'group', 'read', 'unread']);
    expect(doc.paths['/api/v1/stats/nps']?.['get']?.parameters?.map((p) => p.name)).toEqual(['surveyId', 'from', 'to', 'page', 'attr.<name>', 'interval']);
    expect(doc.paths['/api/v1/export/cases.csv']?.['get']?.parameters?.map((p) => p.name)).not.toContain('cursor');
    expect(doc.paths['/v1/config']?.['get']?.parameters?.map((p) => p.name)).toEqual(['project', 'user', 'signature', 'If-None-Match']);
    expect(doc.paths['/api/v1/feedback']?.['get']?.parameters?.map((p) => p.name)).toEqual(['limit', 'cursor', 'category']);
  });

  it('describes the request body as clients send it: fields with defaults are optional', () => {
    const body = doc.components.schemas['ResponseSubmission'];
    expect(body?.required).not.toContain('finished');
    expect(body?.required).toEqual(expect.arrayContaining(['id', 'project', 'surveyId', 'answers', 'respondent', 'context', 'answeredAt']));
  });

  it('describes the survey body as clients send it and the path id from the contract', () => {
    const put = doc.paths['/api/v1/surveys/{id}'] as unknown as { parameters: { name: string; in: string }[] };
    expect(put.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path' })]);
    const body = doc.components.schemas['SurveyDefinitionInput'];
    expect(body?.required).toEqual(expect.arrayContaining(['id', 'name', 'questions']));
    expect(body?.required).not.toContain('active');
    expect(doc.components.schemas['SurveyDefinition']?.required).toContain('active');
  });

  it('describes routing, due time and the SLA settings from the contract', () => {
    const schemas = doc.components.schemas as Record<string, { properties?: Record<string, { properties?: Record<string, unknown> }> }>;
    expect(Object.keys(schemas['SurveyDefinitionInput']?.properties?.['followUp']?.properties ?? {})).toEqual(expect.arrayContaining(['routing', 'dueIn']));
    for (const name of ['ProjectSettings', 'ProjectSettingsPatch']) {
      expect(Object.keys(schemas[name]?.properties ?? {}), name).toEqual(expect.arrayContaining(['businessHours', 'feedbackRouting', 'customerValue']));
    }
  });

  it('documents the webhook events: each one the WebhookEvent body, signed per Standard Webhooks', () => {
    const hooks = (doc as unknown as { webhooks: Record<string, { post: { requestBody: unknown; parameters: Parameter[] } }> }).webhooks;
    expect(Object.keys(hooks)).toEqual([
      'follow_up.opened',
      'follow_up.assigned',
      'follow_up.status_changed',
      'follow_up.overdue',
      'follow_up.resolved',
      'follow_up.loop_closed',
      'follow_up.answer_updated',
      'webhook.test',
    ]);
    for (const [type, hook] of Object.entries(hooks)) {
      const body = type === 'webhook.test' ? 'WebhookTestEvent' : 'WebhookEvent';
      expect(hook.post.requestBody).toMatchObject({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${body}` } } } });
      expect(hook.post.parameters.map((p) => p.name)).toEqual(['webhook-id', 'webhook-timestamp', 'webhook-signature']);
    }
    expect(doc.components.schemas['WebhookEvent']?.required).toEqual(['type', 'timestamp', 'data']);
  });

  it('shows the webhook secret in the registration reply only', () => {
    expect(doc.components.schemas['WebhookCreated']?.required).toContain('secret');
    expect(doc.components.schemas['Webhook']?.properties).not.toHaveProperty('secret');
    expect(doc.paths['/api/v1/webhooks']?.['post']?.responses['201']).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/WebhookCreated' } } } });
    expect(doc.paths['/api/v1/webhooks/{id}/deliveries']?.['get']?.parameters?.map((p) => p.name)).toEqual(['limit', 'cursor']);
  });

  it('describes the feedback body: email optional, the rest required', () => {
    const body = doc.components.schemas['FeedbackSubmission'];
    expect(body?.required).toEqual(expect.arrayContaining(['id', 'project', 'category', 'comment', 'respondent', 'context', 'sentAt']));
    expect(body?.required).not.toContain('email');
  });

  it('gives every error reply the error body, and every $ref resolves', () => {
    const text = JSON.stringify(doc);
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) expect(doc.components.schemas).toHaveProperty([name ?? '']);
    expect(doc.paths['/v1/responses']?.['post']?.responses['413']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
    });
  });
});
