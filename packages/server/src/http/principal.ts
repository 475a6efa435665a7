import type { CaseActor } from '@closeloop/sdk/schemas';
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
  'people:read',
  'people:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Who a request acts as, resolved once by the auth middleware and read by `requirePermission` and the routes. A
 * union: a project's secret key today; a console user with a role joins it next. Every kind belongs to a project
 * and carries its permissions, so routes never ask what kind of caller they serve.
 */
export type Principal = {
  kind: 'project-key';
  project: Project;
  permissions: ReadonlySet<Permission>;
};

/** A project's secret key may do everything: it is the owner's credential. */
export function projectKeyPrincipal(project: Project): Principal {
  return { kind: 'project-key', project, permissions: new Set(PERMISSIONS) };
}

/** Who a principal is on a case's timeline: the project's key today; a console member (with an id) next. */
export function actorOf(principal: Principal): CaseActor {
  return { kind: principal.kind };
}
