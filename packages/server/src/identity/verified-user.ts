import { verifyIdentity } from '@closeloop/sdk/node';
import type { Project } from '../repos/projects.js';

/**
 * The user id a public request names, when the host backend's signature of it verifies with the project's identity
 * secret; null otherwise (no user, no signature, or a wrong one). Anyone may claim a user id in a browser: only a
 * verified one reads what belongs to that user.
 */
export function verifiedUserOf(project: Pick<Project, 'identitySecret'>, user: string | undefined, signature: string | undefined): string | null {
  return user !== undefined && signature !== undefined && verifyIdentity(project.identitySecret, user, signature) ? user : null;
}
