import type { z } from 'zod';
import { END } from './logic.js';
import { unreachable } from '../logic/unreachable.js';
import type { Question } from './question.js';
import { isChoice, typesOfKind } from './question-kinds.js';
import { scaleRange } from './scale-range.js';

/**
 * Checks every question's logic against the survey: jumps go to a later question of this survey (or the end),
 * and each condition fits its question (scores for scales, option ids for choices, `skipped` only when the
 * question may be skipped). Issues name the field at fault, `questions.<i>.logic.<j>.goTo` and the like.
 */
export function checkLogic(questions: readonly Question[], ctx: z.RefinementCtx): void {
  const index = new Map(questions.map((q, i) => [q.id, i]));
  questions.forEach((question, i) => {
    if (question.id === END)
      ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `"${END}" is reserved for the end screen in logic` });
    question.logic?.forEach((rule, j) => {
      const path = ['questions', i, 'logic', j];
      if (rule.goTo !== END) {
        const target = index.get(rule.goTo);
        if (target === undefined) ctx.addIssue({ code: 'custom', path: [...path, 'goTo'], message: `no question "${rule.goTo}" in this survey` });
        else if (target <= i) ctx.addIssue({ code: 'custom', path: [...path, 'goTo'], message: `must jump forward: "${rule.goTo}" comes before or is this question` });
      }
      const problem = rule.if && conditionProblem(question, rule.if);
      if (problem) ctx.addIssue({ code: 'custom', path: [...path, 'if'], message: problem });
    });
  });
}

function conditionProblem(question: Question, condition: NonNullable<NonNullable<Question['logic']>[number]['if']>): string | null {
  switch (condition.op) {
    case 'skipped':
      return question.required ? 'a required question cannot be skipped' : null;
    case 'includes':
      if (!isChoice(question)) return `"includes" needs a choice question, not ${question.type}`;
      return question.options.some((o) => o.id === condition.value) ? null : `no option "${condition.value}" in question "${question.id}"`;
    case 'lte':
    case 'gte':
    case 'eq': {
      const range = scaleRange(question);
      if (!range) return `"${condition.op}" needs a scale question (${typesOfKind('scale').join(', ')}), not ${question.type}`;
      return condition.value < range[0] || condition.value > range[1] ? `must compare with a score from ${range[0]} to ${range[1]}` : null;
    }
    default:
      return unreachable(condition, 'logic condition');
  }
}
