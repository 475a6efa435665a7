import type { AnswerValue, CaseResolutionRecord, ResponseContext } from '@closeloop/sdk/schemas';
import type { EventFields } from '../repos/case-events.js';

/** What a person's free text becomes once erased: a marker, so a reader sees that something was there. */
export const ERASED = '[erased]';

/** An erased respondent: no user id, no attributes; the anonymous id (a per-browser identifier) replaced too. */
export const ERASED_RESPONDENT = { anonymousId: ERASED } as const;

/**
 * The answers an erasure keeps: scores (NPS, CSAT, CES, rating) and the option ids of choice questions, which are
 * the survey's words, not the person's, and what the NPS counts, distributions and stats are made of. Free text, a
 * choice's "Other" text and the contact step (consent, channel, address) go.
 */
export function erasedAnswers(answers: Record<string, AnswerValue>): Record<string, AnswerValue> {
  const kept: Record<string, AnswerValue> = {};
  for (const [question, value] of Object.entries(answers)) {
    if (typeof value === 'number') kept[question] = value;
    else if (typeof value === 'object' && 'choices' in value) kept[question] = { choices: value.choices };
  }
  return kept;
}

/**
 * The page context an erasure keeps: the page's origin and path (which pages produce detractors, a product
 * question), what showed the survey, and the locale. The query string and fragment (tokens, emails, order numbers),
 * the referrer and the user agent (a fingerprint) go.
 */
export function erasedContext(context: ResponseContext): ResponseContext {
  const url = new URL(context.url);
  return {
    url: `${url.origin}${url.pathname}`,
    ...(context.trigger !== undefined && { trigger: context.trigger }),
    ...(context.locale !== undefined && { locale: context.locale }),
  };
}

/** Timeline fields holding what someone wrote about or to the customer: replaced by the marker. */
const TEXT_FIELDS = new Set(['body', 'message', 'summary', 'error']);
/** Timeline fields naming the customer or where they were reached: removed. */
const IDENTITY_FIELDS = new Set(['to', 'userId', 'recipient', 'email', 'code']);

/**
 * A timeline event's changed fields as erasure leaves them, at any depth (a resolution inside `resolved`): notes,
 * messages, summaries and errors become the marker, addresses, user ids and voucher codes go; statuses, ids of
 * members, teams and messages, scores and times stay, so the timeline still tells what happened, and when.
 */
export function erasedEventFields(fields: EventFields | null): EventFields | null {
  if (fields === null) return null;
  return erasedObject(fields);
}

type Json = EventFields[string];

function erasedObject(fields: Record<string, Json>): Record<string, Json> {
  const kept: Record<string, Json> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (IDENTITY_FIELDS.has(name)) continue;
    if (TEXT_FIELDS.has(name) && typeof value === 'string') kept[name] = ERASED;
    else kept[name] = erasedJson(value);
  }
  return kept;
}

function erasedJson(value: Json): Json {
  if (Array.isArray(value)) return value.map(erasedJson);
  if (value !== null && typeof value === 'object') return erasedObject(value as Record<string, Json>);
  return value;
}

/** A case's stored resolution (JSON) as erasure leaves it: the kind, root cause and compensation kept for the stats. */
export function erasedResolution(resolution: string | null): string | null {
  if (resolution === null) return null;
  const { compensation, ...record } = JSON.parse(resolution) as CaseResolutionRecord;
  const erased: CaseResolutionRecord = { ...record, summary: ERASED };
  if (compensation !== undefined) erased.compensation = { kind: compensation.kind, value: compensation.value };
  return JSON.stringify(erased);
}
