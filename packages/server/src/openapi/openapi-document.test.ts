import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi-document.js';

describe('openApiDocument', () => {
  const doc = openApiDocument() as {
    openapi: string;
    paths: Record<string, Record<string, { parameters?: { name: string }[]; requestBody?: unknown; responses: Record<string, unknown> }>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
  };

  it('is OpenAPI 3.1 and lists every route', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      ['/api/v1/feedback', '/api/v1/follow-ups', '/api/v1/responses', '/api/v1/surveys', '/api/v1/surveys/{id}', '/closeloop.js', '/healthz', '/openapi.json', '/v1/config', '/v1/feedback', '/v1/responses'].sort(),
    );
  });

  it('documents query parameters from the contract', () => {
    expect(doc.paths['/api/v1/follow-ups']?.['get']?.parameters?.map((p) => p.name)).toEqual(['limit', 'cursor', 'status']);
    expect(doc.paths['/api/v1/responses']?.['get']?.parameters?.map((p) => p.name)).toEqual(['limit', 'cursor', 'surveyId']);
    expect(doc.paths['/v1/config']?.['get']?.parameters?.map((p) => p.name)).toEqual(['project']);
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
