import { z } from 'zod';
import { CaseVersion } from './case-version.js';

/**
 * `POST /api/v1/follow-ups/:id/notes`: a note on the case's timeline. `kind: 'contact'` records a contact with the
 * customer ("called the customer"), the first of which is the case's `firstContactAt`.
 */
export const CaseNote = z.strictObject({
  body: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(5000, 'must be at most 5000 characters'),
  kind: z.enum(['note', 'contact'], { error: 'must be note or contact' }).default('note'),
  version: CaseVersion.optional(),
});
export type CaseNote = z.infer<typeof CaseNote>;
export type CaseNoteInput = z.input<typeof CaseNote>;
