import { verifyIdentity } from '@closeloop/sdk/node';
import type { Respondent } from '@closeloop/sdk/schemas';
import type { Project } from '../repos/projects.js';
import type { StoredRespondent } from '../repos/responses.js';

/** The respondent without its signature: only whether it proved the user id is kept. */
export function storedRespondent(project: Project, { signature, ...respondent }: Respondent): StoredRespondent {
  const verified =
    respondent.userId !== undefined && signature !== undefined && verifyIdentity(project.identitySecret, respondent.userId, signature);
  return { ...respondent, verified };
}
