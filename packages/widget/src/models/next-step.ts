import { matchesCondition } from '@closeloop/sdk/logic';
import type { AnswerValue, END, Question } from '@closeloop/sdk/schemas';

// The contract's END, spelt out: importing the value would pull zod into the UI chunk.
const end: typeof END = 'end';

type Logic = Pick<Question, 'id' | 'logic'>;

/** Where a target id points: its index, `questions.length` for the end screen (and for an id that is gone). */
const indexOf = (questions: readonly Logic[], goTo: string) => {
  const i = goTo === end ? -1 : questions.findIndex((q) => q.id === goTo);
  return i < 0 ? questions.length : i;
};

/**
 * The question after `index` given its answer (undefined when skipped): the first rule whose condition matches
 * (a rule without one always does), else the next question. `questions.length` means the end screen.
 */
export function nextIndex(questions: readonly Logic[], index: number, value: AnswerValue | undefined): number {
  for (const rule of questions[index]?.logic ?? []) if (!rule.if || matchesCondition(rule.if, value)) return indexOf(questions, rule.goTo);
  return index + 1;
}

/**
 * How many questions the longest way from `index` to the end still holds, the current one included: the
 * "of N" in "Question 2 of N", never promising fewer steps than a visitor may meet. A step `never` names (a
 * contact step with no reason ever to show) counts for nothing; the ways on from it still count. Jumps go forward
 * only (the contract checks it), so the walk always ends.
 */
export function stepsLeft(
  questions: readonly Logic[],
  index: number,
  never: (index: number) => boolean = () => false,
  memo = new Map<number, number>(),
): number {
  if (index >= questions.length) return 0;
  const known = memo.get(index);
  if (known !== undefined) return known;
  const targets: number[] = [];
  let always = false;
  for (const rule of questions[index]!.logic ?? []) {
    targets.push(indexOf(questions, rule.goTo));
    if (!rule.if) {
      always = true;
      break;
    }
  }
  if (!always) targets.push(index + 1);
  const steps = (never(index) ? 0 : 1) + Math.max(...targets.filter((t) => t > index).map((t) => stepsLeft(questions, t, never, memo)), 0);
  memo.set(index, steps);
  return steps;
}
