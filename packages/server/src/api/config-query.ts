import { z } from 'zod';
import { ProjectKey, USER_ID_MAX } from '@closeloop/sdk/schemas';

/** `GET /v1/config`'s query: the project key and, for an identified user, the host backend's signature of the id. */
export const ConfigQuery = z.object({
  project: ProjectKey,
  /** An identified user, with the host backend's signature of the id: the reply then says what they answered. */
  user: z.string().min(1).max(USER_ID_MAX).optional(),
  signature: z.string().regex(/^[0-9a-f]{64}$/, 'must be a hex HMAC-SHA256').optional(),
});
