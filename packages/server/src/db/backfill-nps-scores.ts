import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Migration 0010's data step: each stored response's NPS score (the answer to its survey's first NPS question), so
 * the follow-up stats can find detractors and recovery scores by column instead of parsing every response's JSON.
 * Written against the JSON as 0010 found it and frozen with the migration, in JavaScript because the two dialects
 * share no JSON function. It reads each survey's responses once; only responses with a score are written.
 */
export async function backfillNpsScores(db: Kysely<unknown>): Promise<void> {
  const surveys = await sql<{ project_id: string; id: string; definition: string }>`select project_id, id, definition from surveys`.execute(db);
  for (const survey of surveys.rows) {
    const questions = (JSON.parse(survey.definition) as { questions?: { id: string; type: string }[] }).questions ?? [];
    const npsIds = questions.filter((q) => q.type === 'nps').map((q) => q.id);
    if (npsIds.length === 0) continue;
    const responses = await sql<{ id: string; answers: string }>`select id, answers from responses where project_id = ${survey.project_id} and survey_id = ${survey.id}`.execute(db);
    for (const { id, answers } of responses.rows) {
      const parsed = JSON.parse(answers) as Record<string, unknown>;
      const score = npsIds.map((q) => parsed[q]).find((value) => typeof value === 'number');
      if (score !== undefined) await sql`update responses set nps_score = ${score} where id = ${id}`.execute(db);
    }
  }
}
