import { SurveyDefinition } from '@closeloop/sdk/schemas';
import type { Db } from '../db/db.js';
import { createProject, findProjectByPublicKey } from '../repos/projects.js';
import type { Project } from '../repos/projects.js';
import { findSurvey, upsertSurvey } from '../repos/surveys.js';

export const DEMO_PROJECT = {
  name: 'Demo Shop',
  publicKey: 'pk_demo',
  secretKey: 'sk_demo',
  identitySecret: 'demo-identity-secret',
  allowedOrigins: ['*'],
};

export const DEMO_SURVEY = SurveyDefinition.parse({
  id: 'nps',
  name: 'How likely are you to recommend Demo Shop?',
  questions: [
    { id: 'nps', type: 'nps', prompt: 'How likely are you to recommend Demo Shop to a friend or colleague?', required: true },
    { id: 'comment', type: 'text', prompt: 'What is the main reason for your score?' },
    // Shown only to a detractor whose case opens and who has no verified email: the widget passes it over otherwise.
    { id: 'contact', type: 'contact', prompt: 'May we contact you about this?' },
  ],
  triggers: [{ type: 'exit-intent' }, { type: 'dwell', seconds: 20 }],
  thankYou: { title: 'Thank you!', body: 'We read every answer, and when something went wrong we will get back to you.' },
});

/**
 * The demo project and its NPS survey, created on first run and left as they are on later runs, so `closeloop demo`
 * can be restarted on the same data without undoing what was changed through the API.
 */
export async function seedDemo(db: Db, now: Date): Promise<Project> {
  const project = (await findProjectByPublicKey(db.kysely, DEMO_PROJECT.publicKey)) ?? (await createProject(db.kysely, DEMO_PROJECT, now));
  if (!(await findSurvey(db.kysely, project.id, DEMO_SURVEY.id))) await upsertSurvey(db.kysely, project.id, DEMO_SURVEY, now);
  return project;
}
