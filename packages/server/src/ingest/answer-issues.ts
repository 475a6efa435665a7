import { answerSchema } from '@closeloop/sdk/schemas';
import type { AnswerValue, ErrorIssue, Question, SurveyDefinition } from '@closeloop/sdk/schemas';
import type { z } from 'zod';

// Built once per question: surveys come from a cache (findSurveyCached), so a question object lives across answers.
const schemas = new WeakMap<Question, z.ZodType<AnswerValue>>();

function schemaOf(question: Question): z.ZodType<AnswerValue> {
  let schema = schemas.get(question);
  if (schema === undefined) {
    schema = answerSchema(question);
    schemas.set(question, schema);
  }
  return schema;
}

/**
 * Each answer checked against its question (a 0–10 integer for NPS, text within the question's limit): one issue
 * naming `answers.<id>` for every answer at fault, unknown question ids included, followed by the part of the answer
 * the contract places the fault in (`answers.contact.address`, `answers.plan.choices.1`). Empty when all fit.
 */
export function answerIssues(survey: SurveyDefinition, answers: Record<string, AnswerValue>): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  for (const [id, value] of Object.entries(answers)) {
    const question = survey.questions.find((q) => q.id === id);
    if (question === undefined) {
      issues.push({ path: `answers.${id}`, message: `survey ${survey.id} has no question "${id}"` });
      continue;
    }
    const result = schemaOf(question).safeParse(value);
    if (!result.success) issues.push(...result.error.issues.map((i) => ({ path: ['answers', id, ...i.path.map(String)].join('.'), message: i.message })));
  }
  return issues;
}
