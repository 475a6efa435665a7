import type { Respondent } from '@closeloop/sdk/schemas';
import type { Project } from '../repos/projects.js';
import type { StoredRespondent } from '../repos/responses.js';
import { verifiedUserOf } from './verified-user.js';

/** The respondent without its signature: only whether it proved the user id is kept. */
export function storedRespondent(project: Project, { signature, ...respondent }: Respondent): StoredRespondent {
  return { ...respondent, verified: verifiedUserOf(project, respondent.userId, signature) !== null };
}
