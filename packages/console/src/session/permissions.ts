import type { MemberRole } from '@closeloop/sdk/schemas';

/** What a page or control needs, in the server's `resource:verb` words (`cases:write`, `settings:read`). */
export type Permission = `${string}:${'read' | 'write'}`;

/**
 * Whether a role may do something, by the rule the server enforces (the console only hides what would be refused):
 * an admin everything, an agent reads everything and works cases, a viewer reads.
 */
export function roleAllows(role: MemberRole, permission: Permission): boolean {
  if (role === 'admin') return true;
  if (permission.endsWith(':read')) return true;
  return role === 'agent' && permission === 'cases:write';
}
