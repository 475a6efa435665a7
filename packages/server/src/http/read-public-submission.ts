import type { Context } from 'hono';
import type { z } from 'zod';
import type { Respondent } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../app-env.js';
import { storedRespondent } from '../identity/stored-respondent.js';
import type { Db } from '../db/db.js';
import type { Project } from '../repos/projects.js';
import type { StoredRespondent } from '../repos/responses.js';
import { findPublicProject } from './find-public-project.js';
import { readJsonBody } from './read-json-body.js';
import { parseOrThrow } from './zod-issues.js';

export interface PublicSubmission<T> {
  submission: T;
  project: Project;
  /** The submission's respondent as stored: the signature checked against the project and dropped. */
  respondent: StoredRespondent;
}

/**
 * The first steps of every browser POST (`/v1/responses`, `/v1/feedback`), in the order their errors take
 * precedence: the body as JSON or text/plain (415, 400), checked against `schema` (422 naming each field), its
 * project by key (404) and the page's origin (403); then who sent it, the identity verified.
 */
export async function readPublicSubmission<S extends z.ZodType<{ project: string; respondent: Respondent }>>(
  c: Context<AppEnv>,
  { db, schema, what }: { db: Db; schema: S; what: string },
): Promise<PublicSubmission<z.output<S>>> {
  const submission = parseOrThrow(schema, await readJsonBody(c), what);
  const project = await findPublicProject(c, db, submission.project);
  return { submission, project, respondent: storedRespondent(project, submission.respondent) };
}
