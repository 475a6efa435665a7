import type { Member } from '@closeloop/sdk/schemas';
import type { Project } from '../repos/projects.js';

/** A live console session as the server uses it: who, on which project, the CSRF token and when it lapses. */
export interface SignedInMember {
  member: Member;
  project: Project;
  csrfToken: string;
  expiresAt: string;
}
