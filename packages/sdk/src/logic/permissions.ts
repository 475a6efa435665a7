import type { MemberRole } from '../schemas/member.js';

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
