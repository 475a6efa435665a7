import { FollowUp, StoredFeedback, StoredResponse, SurveyDefinition } from '@closeloop/sdk/schemas';
import { z } from 'zod';
import type { FeedbackTable, FollowUpsTable, ProjectsTable, ResponsesTable } from './database.js';
import type { Project } from './store.js';

// Rows are parsed through the contract on the way out, so a row written by an older server, or edited by hand,
// fails loudly here instead of reaching a client in a shape the contract does not allow.

const json = (text: string): unknown => JSON.parse(text);

const AllowedOrigins = z.array(z.string());

export function projectFromRow(row: ProjectsTable): Project {
  return {
    id: row.id,
    name: row.name,
    publicKey: row.public_key,
    identitySecret: row.identity_secret,
    allowedOrigins: AllowedOrigins.parse(json(row.allowed_origins)),
    createdAt: row.created_at,
  };
}

export function surveyFromRow(row: { definition: string }): SurveyDefinition {
  return SurveyDefinition.parse(json(row.definition));
}

export type ResponseRow = ResponsesTable & { follow_up_id: string | null };

export function responseFromRow(row: ResponseRow): StoredResponse {
  const respondent = z.record(z.string(), z.unknown()).parse(json(row.respondent));
  return StoredResponse.parse({
    id: row.id,
    surveyId: row.survey_id,
    answers: json(row.answers),
    finished: row.finished === 1,
    respondent: { ...respondent, verified: row.verified === 1 },
    context: json(row.context),
    answeredAt: row.answered_at,
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
    followUpId: row.follow_up_id,
  });
}

export type FeedbackRow = FeedbackTable & { follow_up_id: string | null };

export function feedbackFromRow(row: FeedbackRow): StoredFeedback {
  const respondent = z.record(z.string(), z.unknown()).parse(json(row.respondent));
  return StoredFeedback.parse({
    id: row.id,
    category: row.category,
    comment: row.comment,
    ...(row.email !== null && { email: row.email }),
    respondent: { ...respondent, verified: row.verified === 1 },
    context: json(row.context),
    sentAt: row.sent_at,
    receivedAt: row.received_at,
    followUpId: row.follow_up_id,
  });
}

/** What a case row needs beside itself: the response or the feedback that opened it. */
export type FollowUpCause = { response: ResponseRow } | { feedback: FeedbackRow };

export function followUpFromRow(row: FollowUpsTable, cause: FollowUpCause): FollowUp {
  const common = {
    id: row.id,
    status: row.status,
    priority: row.priority,
    ownerId: row.owner_id,
    dueAt: row.due_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if ('feedback' in cause) return FollowUp.parse({ ...common, source: 'feedback', feedback: feedbackFromRow(cause.feedback) });
  return FollowUp.parse({
    ...common,
    source: 'survey',
    surveyId: row.survey_id,
    trigger: row.trigger === null ? null : json(row.trigger),
    response: responseFromRow(cause.response),
  });
}
