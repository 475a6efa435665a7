import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Migration 0006's data step, for databases that already hold cases: each response's anonymous id, each case's
 * searchable text and customer, and an `opened` event so every timeline starts where its case did. Written against
 * the JSON as 0006 found it and frozen with the migration (it must keep doing what it did when written, whatever the
 * runtime code becomes), in JavaScript because the two dialects share no JSON function.
 */
export async function backfillCaseLifecycle(db: Kysely<unknown>): Promise<void> {
  const responses = await sql<{ id: string; respondent: string }>`select id, respondent from responses`.execute(db);
  for (const { id, respondent } of responses.rows) {
    await sql`update responses set anonymous_id = ${stringField(respondent, 'anonymousId')} where id = ${id}`.execute(db);
  }

  const textQuestions = new Map<string, Set<string>>();
  const surveys = await sql<{ project_id: string; id: string; definition: string }>`select project_id, id, definition from surveys`.execute(db);
  for (const survey of surveys.rows) {
    const questions = (JSON.parse(survey.definition) as { questions?: { id: string; type: string }[] }).questions ?? [];
    textQuestions.set(`${survey.project_id}/${survey.id}`, new Set(questions.filter((q) => q.type === 'text').map((q) => q.id)));
  }

  const cases = await sql<{
    id: string;
    project_id: string;
    survey_id: string | null;
    status: string;
    priority: string;
    assignee_id: string | null;
    due_at: string;
    created_at: string;
    answers: string | null;
    response_respondent: string | null;
    response_verified: number | null;
    comment: string | null;
    feedback_respondent: string | null;
    feedback_verified: number | null;
  }>`select f.id, f.project_id, f.survey_id, f.status, f.priority, f.assignee_id, f.due_at, f.created_at,
      r.answers, r.respondent as response_respondent, r.verified as response_verified,
      b.comment, b.respondent as feedback_respondent, b.verified as feedback_verified
    from follow_ups f left join responses r on r.id = f.response_id left join feedback b on b.id = f.feedback_id`.execute(db);
  for (const row of cases.rows) {
    const texts = row.comment !== null ? [row.comment] : textAnswers(row.answers, textQuestions.get(`${row.project_id}/${row.survey_id}`));
    const respondent = row.response_respondent ?? row.feedback_respondent ?? '{}';
    const verified = (row.response_verified ?? row.feedback_verified) === 1;
    await sql`update follow_ups set search_text = ${texts.join('\n').toLowerCase()},
        customer_user_id = ${verified ? stringField(respondent, 'userId') : null},
        customer_anonymous_id = ${stringField(respondent, 'anonymousId')}
      where id = ${row.id}`.execute(db);
    // The status a case had before its timeline existed is where its timeline starts.
    const after = JSON.stringify({ status: row.status, priority: row.priority, assigneeId: row.assignee_id, teamId: null, dueAt: row.due_at });
    await sql`insert into case_events (id, project_id, case_id, seq, type, actor, at, before, after)
      values (${randomUUID()}, ${row.project_id}, ${row.id}, 1, 'opened', '{"kind":"system"}', ${row.created_at}, null, ${after})`.execute(db);
  }
}

function stringField(json: string, field: string): string | null {
  const value: unknown = (JSON.parse(json) as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : null;
}

function textAnswers(answers: string | null, questions: Set<string> | undefined): string[] {
  if (answers === null || questions === undefined) return [];
  return Object.entries(JSON.parse(answers) as Record<string, unknown>).flatMap(([id, value]) => (questions.has(id) && typeof value === 'string' ? [value] : []));
}
