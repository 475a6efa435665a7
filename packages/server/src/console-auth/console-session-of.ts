import type { ConsoleSession } from '@closeloop/sdk/schemas';
import type { SignedInMember } from './signed-in-member.js';

/** A session as the console reads it (`ConsoleSession`). */
export function consoleSessionOf({ member, project, csrfToken, expiresAt }: SignedInMember): ConsoleSession {
  return {
    user: { id: member.id, name: member.name, email: member.email, role: member.role },
    project: { id: project.id, name: project.name, publicKey: project.publicKey },
    csrfToken,
    expiresAt,
  };
}
