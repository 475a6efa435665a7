import type { Project } from './repos/projects.js';

/** What middleware hands to routes through `c.get()`. */
export interface AppEnv {
  Variables: {
    /** The project a management request authenticated as (set by managementAuth). */
    project: Project;
    /**
     * The CORS verdict of a public request, set once its project is known: `allowed` adds the CORS headers,
     * `denied` leaves them off. Unset means the request failed before its project was known.
     */
    cors: 'allowed' | 'denied';
  };
}
