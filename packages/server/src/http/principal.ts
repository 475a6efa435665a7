import { PERMISSIONS, ROLE_PERMISSIONS } from '@closeloop/sdk/logic';
import type { Permission } from '@closeloop/sdk/logic';
import type { CaseActor, Member } from '@closeloop/sdk/schemas';
import type { Project } from '../repos/projects.js';

/**
 * Who a request acts as, resolved once by the auth middleware and read by `requirePermission` and the routes: a
 * project's secret key, or a console member signed in with a session. Every kind belongs to a project and carries its
 * permissions, so routes never ask what kind of caller they serve (bar `assignee=me` and the timeline's actor).
 */
export type Principal =
  | { kind: 'project-key'; project: Project; permissions: ReadonlySet<Permission> }
  | { kind: 'member'; project: Project; member: Member; permissions: ReadonlySet<Permission> };

/** A project's secret key may do everything: it is the owner's credential. */
export function projectKeyPrincipal(project: Project): Principal {
  return { kind: 'project-key', project, permissions: new Set(PERMISSIONS) };
}

export function memberPrincipal(project: Project, member: Member): Principal {
  return { kind: 'member', project, member, permissions: ROLE_PERMISSIONS[member.role] };
}

/** Who a principal is on a case's timeline: the project's key, or the member by id. */
export function actorOf(principal: Principal): CaseActor {
  return principal.kind === 'member' ? { kind: 'member', memberId: principal.member.id } : { kind: 'project-key' };
}
