import { z } from 'zod';
import { Uuid } from './ids.js';

/** Body of `POST /api/v1/responses/read` and `/unread`: the responses the signed-in member marks. */
export const ResponseReadRequest = z.strictObject({
  ids: z.array(Uuid).min(1, 'must name at least one response').max(500, 'at most 500 responses at once'),
});
export type ResponseReadRequest = z.infer<typeof ResponseReadRequest>;
