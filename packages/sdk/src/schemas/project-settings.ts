import { z } from 'zod';
import { FollowUpPriority } from './follow-up.js';
import { Slug } from './ids.js';
import { FeedbackRoutingRule } from './routing.js';

/** A cause the project tracks (delivery, pricing, checkout bug): resolutions name one, stats count them. */
export const RootCause = z.strictObject({
  id: Slug,
  label: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
});
export type RootCause = z.infer<typeof RootCause>;

/** Whether the runtime knows the IANA time zone (`Europe/Stockholm`): the SLA clock reads local time through it. */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const CLOCK_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const ClockTime = z.string().regex(CLOCK_TIME, 'must be a time of day as HH:MM (00:00–23:59)');

/**
 * When support works, for the SLA clock: a case's `dueIn` hours count only the time inside these hours, in the
 * project's time zone (daylight saving included). `days` are ISO weekdays, 1 Monday … 7 Sunday.
 */
export const BusinessHours = z
  .strictObject({
    timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Stockholm'),
    days: z
      .array(z.number().int().min(1, 'must be 1 (Monday) to 7 (Sunday)').max(7, 'must be 1 (Monday) to 7 (Sunday)'))
      .min(1, 'must name at least one day')
      .refine((days) => new Set(days).size === days.length, 'must not name a day twice'),
    start: ClockTime,
    end: ClockTime,
  })
  // Compared only once both are times: a malformed one is reported on its own field.
  .refine((h) => !CLOCK_TIME.test(h.start) || !CLOCK_TIME.test(h.end) || h.start < h.end, { path: ['end'], message: 'must be after start (hours across midnight are not supported)' });
export type BusinessHours = z.infer<typeof BusinessHours>;

/**
 * One tier of customer value: a numeric attribute at least `min`, or a text attribute equal to one of `equals`. A
 * case from a customer in the tier is at least `priority`.
 */
export const CustomerValueTier = z
  .strictObject({
    min: z.number().optional(),
    equals: z.array(z.string().min(1).max(500)).min(1).max(100).optional(),
    priority: FollowUpPriority,
  })
  .refine((t) => (t.min === undefined) !== (t.equals === undefined), 'must give exactly one of min, equals');
export type CustomerValueTier = z.infer<typeof CustomerValueTier>;

/**
 * What a customer is worth to the business, read from the verified `identify()` attribute `attribute` (`mrr`,
 * `plan`): the first tier the value falls in raises the case's priority (never lowers it).
 */
export const CustomerValue = z.strictObject({
  attribute: z.string().min(1).max(100),
  tiers: z.array(CustomerValueTier).min(1).max(20),
});
export type CustomerValue = z.infer<typeof CustomerValue>;

/** The default wait of a new case's notices for the comment: most customers write theirs within a minute. */
export const DEFAULT_COMMENT_WAIT_SECONDS = 60;

/**
 * How long the notices of a case opened by a score (webhooks, Slack, staff email) wait for the comment its customer
 * may still write, in seconds: they go out as soon as it comes, or when this is up. 0: at once, without it.
 */
export const CommentWaitSeconds = z
  .number({ error: 'must be a number of seconds' })
  .int('must be whole seconds')
  .min(0, 'must be 0 (at once) or more')
  .max(600, 'must be at most 600 (ten minutes)');

const settingsFields = {
  rootCauses: z
    .array(RootCause)
    .max(100, 'must hold at most 100 causes')
    .refine((causes) => new Set(causes.map((c) => c.id)).size === causes.length, 'must not use an id twice'),
  /** Null: the SLA clock runs around the clock. */
  businessHours: BusinessHours.nullable(),
  /** How feedback-button problems are routed: the same rules as a survey's, without answers. */
  feedbackRouting: z.array(FeedbackRoutingRule).max(50),
  /** Null: priority comes from the score alone. */
  customerValue: CustomerValue.nullable(),
  commentWaitSeconds: CommentWaitSeconds,
};

/** The project's settings (`GET /api/v1/settings`): an object with room to grow, each setting with its default. */
export const ProjectSettings = z.object({
  rootCauses: settingsFields.rootCauses.default([]),
  businessHours: settingsFields.businessHours.default(null),
  feedbackRouting: settingsFields.feedbackRouting.default([]),
  customerValue: settingsFields.customerValue.default(null),
  commentWaitSeconds: settingsFields.commentWaitSeconds.default(DEFAULT_COMMENT_WAIT_SECONDS),
});
export type ProjectSettings = z.infer<typeof ProjectSettings>;

/** `PATCH /api/v1/settings`: each setting given replaces the stored one whole; the others stay. */
export const ProjectSettingsPatch = z
  .strictObject(settingsFields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'must change at least one setting (rootCauses, businessHours, feedbackRouting, customerValue, commentWaitSeconds)');
export type ProjectSettingsPatch = z.infer<typeof ProjectSettingsPatch>;
