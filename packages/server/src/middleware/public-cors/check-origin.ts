import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { HttpError } from '../../http/http-error.js';
import type { Project } from '../../repos/projects.js';
import { originAllowed } from './origin-allowed.js';

/**
 * Decides CORS for a public request once its project is known: records the verdict for {@link publicCors} and
 * throws a 403 naming `origin` when the page's origin is not one the project allows. Requests without an Origin
 * (servers, curl, same-origin GETs) are not browser cross-origin calls and pass.
 */
export function checkOrigin(c: Context<AppEnv>, project: Project): void {
  const origin = c.req.header('origin');
  if (origin === undefined || origin === new URL(c.req.url).origin || originAllowed(project.allowedOrigins, origin)) {
    c.set('cors', 'allowed');
    return;
  }
  c.set('cors', 'denied');
  throw HttpError.field(403, 'origin_not_allowed', 'origin', `${origin} is not an allowed origin of project ${project.publicKey}`);
}
