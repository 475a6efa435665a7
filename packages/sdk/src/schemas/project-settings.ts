import { z } from 'zod';
import { Slug } from './ids.js';

/** A cause the project tracks (delivery, pricing, checkout bug): resolutions name one, stats count them. */
export const RootCause = z.strictObject({
  id: Slug,
  label: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
});
export type RootCause = z.infer<typeof RootCause>;

const settingsFields = {
  rootCauses: z
    .array(RootCause)
    .max(100, 'must hold at most 100 causes')
    .refine((causes) => new Set(causes.map((c) => c.id)).size === causes.length, 'must not use an id twice'),
};

/**
 * The project's settings (`GET /api/v1/settings`): an object with room to grow (business hours and the
 * customer-value attribute join it), each setting with its default.
 */
export const ProjectSettings = z.object({ rootCauses: settingsFields.rootCauses.default([]) });
export type ProjectSettings = z.infer<typeof ProjectSettings>;

/** `PATCH /api/v1/settings`: each setting given replaces the stored one whole; the others stay. */
export const ProjectSettingsPatch = z
  .strictObject(settingsFields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'must change at least one setting (rootCauses)');
export type ProjectSettingsPatch = z.infer<typeof ProjectSettingsPatch>;
