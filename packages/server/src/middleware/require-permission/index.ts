import type { Context, Next } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { HttpError } from '../../http/http-error.js';
import type { Permission } from '@closeloop/sdk/logic';

/**
 * Lets a request through only when its principal holds `permission`: 403 `forbidden` naming the permission
 * otherwise. Without a principal (the route was mounted without an auth middleware) it is a 401, never a pass.
 */
export function requirePermission(permission: Permission) {
  return async function requirePermission(c: Context<AppEnv>, next: Next) {
    const principal = c.get('principal');
    if (principal === undefined) throw HttpError.field(401, 'unauthorized', 'authorization', 'missing: send "Authorization: Bearer sk_…"');
    if (!principal.permissions.has(permission)) {
      throw HttpError.field(403, 'forbidden', 'authorization', `may not ${permission}`);
    }
    await next();
  };
}
