import type { AnswerValue, ContactAnswer, Question } from '../schemas/question.js';
import { normalizePhone } from './contact-answer.js';
import { answerFault } from './valid-answer.js';

/**
 * How a respondent agreed to be contacted about their answer, read from the survey's contact step: the consent,
 * channel and address (a phone number as digits), `{ consent: false }` for a refusal, or null when the survey has
 * no contact step or it was not answered (skipped, or not shown because nothing called for it). A stored answer
 * that is not a valid contact answer (the question changed since) reads as null: nobody contacts on a guess.
 */
export function contactOf(survey: { questions: readonly Question[] }, answers: Readonly<Record<string, AnswerValue>>): ContactAnswer | null {
  for (const question of survey.questions) {
    const value = answers[question.id];
    if (question.type !== 'contact' || value === undefined || answerFault(question, value) !== undefined) continue;
    if (typeof value !== 'object' || !('consent' in value)) continue;
    if (!value.consent) return { consent: false };
    const { channel, address } = value;
    return { consent: true, channel, address: channel === 'phone' ? normalizePhone(address) : address };
  }
  return null;
}
