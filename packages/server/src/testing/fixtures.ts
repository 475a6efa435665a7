import { randomUUID } from 'node:crypto';
import { SurveyDefinition } from '@closeloop/sdk/schemas';
import type { FeedbackSubmissionInput, ResponseSubmissionInput } from '@closeloop/sdk/schemas';
import type { Db } from '../db/db.js';
import type { RecordResponseInput } from '../ingest/record-response.js';
import { createProject } from '../repos/projects.js';
import type { Project } from '../repos/projects.js';
import { upsertSurvey } from '../repos/surveys.js';

export const NOW = new Date('2026-11-23T10:00:00.000Z');

export const npsSurvey = SurveyDefinition.parse({
  id: 'nps',
  name: 'How likely are you to recommend Demo Shop?',
  questions: [
    { id: 'nps', type: 'nps', prompt: 'How likely are you to recommend Demo Shop?' },
    { id: 'comment', type: 'text', prompt: 'What is the main reason for your score?', maxLength: 200 },
  ],
  triggers: [{ type: 'exit-intent' }],
});

export interface SeededProject {
  project: Project;
  secretKey: string;
}

/** A project with the NPS survey active, keys derived from `name` so two seeds never collide. */
export async function seedProject(db: Db, name = 'shop', origins: string[] = ['https://shop.example']): Promise<SeededProject> {
  const secretKey = `sk_${name}_secret`;
  const project = await createProject(
    db.kysely,
    { name, publicKey: `pk_${name}`, secretKey, identitySecret: `${name}-identity`, allowedOrigins: origins },
    NOW,
  );
  await upsertSurvey(db.kysely, project.id, npsSurvey, NOW);
  return { project, secretKey };
}

/** A valid submission body (the wire shape) for the seeded project, overridable per test. */
export function submission(overrides: Partial<ResponseSubmissionInput> = {}): ResponseSubmissionInput {
  return {
    id: randomUUID(),
    project: 'pk_shop',
    surveyId: 'nps',
    answers: { nps: 3 },
    respondent: { anonymousId: 'anon-1' },
    context: { url: 'https://shop.example/checkout' },
    answeredAt: NOW.toISOString(),
    ...overrides,
  };
}

/** A valid feedback body (the wire shape) for the seeded project: a problem, overridable per test. */
export function feedbackSubmission(overrides: Partial<FeedbackSubmissionInput> = {}): FeedbackSubmissionInput {
  return {
    id: randomUUID(),
    project: 'pk_shop',
    category: 'problem',
    comment: 'The discount code is refused at checkout.',
    respondent: { anonymousId: 'anon-1' },
    context: { url: 'https://shop.example/checkout' },
    sentAt: NOW.toISOString(),
    ...overrides,
  };
}

/**
 * One step of a response as `recordResponse` takes it (verified, times settled) for the seeded project: an NPS
 * detractor from browser `anon-1`, received at NOW, overridable per test.
 */
export function responseStep(projectId: string, overrides: Partial<RecordResponseInput> = {}): RecordResponseInput {
  return {
    projectId,
    surveyId: 'nps',
    id: randomUUID(),
    answers: { nps: 3 },
    finished: false,
    respondent: { anonymousId: 'anon-1', verified: false },
    context: { url: 'https://shop.example/' },
    answeredAt: NOW.toISOString(),
    receivedAt: NOW.toISOString(),
    ...overrides,
  };
}
