import { randomUUID } from 'node:crypto';
import type { AttributeValue } from '@closeloop/sdk/schemas';
import type { Db } from '../db/db.js';
import { recordResponse } from '../ingest/record-response.js';

export interface Answer {
  score: number;
  at: string;
  comment?: string;
  url?: string;
  surveyId?: string;
  attributes?: Record<string, AttributeValue>;
  anonymousId?: string;
}

/** Records one NPS answer (and comment) the way intake does, received at `at`; resolves to its id and case id. */
export async function recordAnswer(db: Db, projectId: string, answer: Answer): Promise<{ id: string; followUpId: string | null }> {
  const id = randomUUID();
  const result = await recordResponse(db.kysely, {
    projectId,
    surveyId: answer.surveyId ?? 'nps',
    id,
    answers: answer.comment === undefined ? { nps: answer.score } : { nps: answer.score, comment: answer.comment },
    finished: true,
    respondent: { anonymousId: answer.anonymousId ?? `anon-${id.slice(0, 8)}`, verified: false, ...(answer.attributes && { attributes: answer.attributes }) },
    context: { url: answer.url ?? 'https://shop.example/' },
    answeredAt: answer.at,
    receivedAt: answer.at,
  });
  if (result.outcome !== 'created') throw new Error(`answer not recorded: ${result.outcome}`);
  return { id, followUpId: result.followUpId };
}
