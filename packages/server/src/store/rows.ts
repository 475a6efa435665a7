import { FollowUp, StoredResponse, SurveyDefinition } from '@closeloop/sdk/schemas';
import { z } from 'zod';
import type { FollowUpsTable, ProjectsTable, ResponsesTable } from './database.js';
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

export function followUpFromRow(row: FollowUpsTable, response: ResponseRow): FollowUp {
  return FollowUp.parse({
    id: row.id,
    surveyId: row.survey_id,
    status: row.status,
    priority: row.priority,
    ownerId: row.owner_id,
    trigger: json(row.trigger),
    dueAt: row.due_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    response: responseFromRow(response),
  });
}
