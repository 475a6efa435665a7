import type { Principal } from './principal.js';

/**
 * The member whose read state a request sees and changes: a signed-in console member. A project key is the owner's
 * credential, shared by scripts and integrations; it has no reader, so read state does not apply to it (the list
 * says `read: null`, and the read filters and marks are refused naming the field).
 */
export function readerOf(principal: Principal): string | null {
  return principal.kind === 'member' ? principal.member.id : null;
}
