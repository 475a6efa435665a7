import type { CaseActor, Member, MemberRole } from '@closeloop/sdk/schemas';
import type { Project } from '../repos/projects.js';

/**
 * Everything a caller may be allowed to do through the management API, one verb per resource. A runtime list, so
 * roles can be checked against it; the type is derived from it.
 */
export const PERMISSIONS = [
  'surveys:read',
  'surveys:write',
  'responses:read',
  'feedback:read',
  'cases:read',
  'cases:write',
  'members:read',
  'members:write',
  'teams:read',
  'teams:write',
  'settings:read',
  'settings:write',
  'webhooks:read',
  'webhooks:write',
  'integrations:read',
  'integrations:write',
  'stats:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

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

const READS = PERMISSIONS.filter((p) => p.endsWith(':read'));

/**
 * What each console role may do: an admin everything; an agent reads everything and works cases (assign, note,
 * resolve, close the loop) but changes no survey, member, team, setting or integration; a viewer only reads.
 */
export const ROLE_PERMISSIONS: Record<MemberRole, ReadonlySet<Permission>> = {
  admin: new Set(PERMISSIONS),
  agent: new Set<Permission>([...READS, 'cases:write']),
  viewer: new Set(READS),
};

export function memberPrincipal(project: Project, member: Member): Principal {
  return { kind: 'member', project, member, permissions: ROLE_PERMISSIONS[member.role] };
}

/** Who a principal is on a case's timeline: the project's key, or the member by id. */
export function actorOf(principal: Principal): CaseActor {
  return principal.kind === 'member' ? { kind: 'member', memberId: principal.member.id } : { kind: 'project-key' };
}
