import { createHmac } from 'node:crypto';
import type { Project } from '../repos/projects.js';

/**
 * How an erased person is remembered: HMAC-SHA256 of their user id under the project's identity secret, hex. Not
 * the id, and not a bare hash of it (user ids are often emails, easy to guess and hash); enough to recognise a
 * repeated erasure. Rotating the identity secret forgets who was erased: a repeat is then "unknown person".
 */
export function personSubject(project: Pick<Project, 'identitySecret'>, userId: string): string {
  return createHmac('sha256', project.identitySecret).update(userId).digest('hex');
}
