import { z } from 'zod';

/**
 * How often a survey may show automatically to one visitor (`show(id)` ignores it). A dismissal counts as an
 * answer. For identified users with a signature, answers given on other devices count too.
 * - `until-answered` (default): again on later page views until answered or dismissed;
 * - `once`: never again once shown;
 * - `every`: again `days` days after it was last shown, answered or dismissed.
 * `maxTimes` caps the number of showings in every mode, and `cooldownDays` keeps this survey back while the visitor
 * saw any survey in the last days (a global cooldown, so one visitor is not asked twice in a row).
 */
export const Frequency = z
  .object({
    mode: z.enum(['until-answered', 'once', 'every']).default('until-answered'),
    days: z.number().min(0.001).max(3650).optional(),
    maxTimes: z.number().int().min(1).max(1000).optional(),
    cooldownDays: z.number().min(0).max(3650).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.mode === 'every' && f.days === undefined) ctx.addIssue({ code: 'custom', path: ['days'], message: '"every" needs days' });
    if (f.mode !== 'every' && f.days !== undefined) ctx.addIssue({ code: 'custom', path: ['days'], message: 'days applies to mode "every" only' });
  });
export type Frequency = z.infer<typeof Frequency>;
