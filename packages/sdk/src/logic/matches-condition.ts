import type { LogicCondition } from '../schemas/logic.js';
import type { AnswerValue } from '../schemas/question.js';

/**
 * Whether an answer (undefined when the question was skipped) meets a condition: the one evaluator behind the
 * widget's next-step logic and the server's follow-up rule. `lte`/`gte`/`eq` compare a score, so any other answer
 * fails them; `includes` looks for an option id in a choice answer; `skipped` matches no answer.
 */
export function matchesCondition(condition: LogicCondition, value: AnswerValue | undefined): boolean {
  switch (condition.op) {
    case 'skipped':
      return value === undefined;
    case 'includes':
      return typeof value === 'object' && 'choices' in value && value.choices.includes(condition.value);
    case 'lte':
      return typeof value === 'number' && value <= condition.value;
    case 'gte':
      return typeof value === 'number' && value >= condition.value;
    case 'eq':
      return typeof value === 'number' && value === condition.value;
  }
}
