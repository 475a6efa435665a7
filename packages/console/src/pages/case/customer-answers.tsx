import type { AnswerValue, FollowUp, Question } from '@closeloop/sdk/schemas';
import type { Lookups } from '../../cases/use-lookups.js';
import { questionOf } from '../../cases/use-lookups.js';

/** An answer as words: a score, a choice, the text, or the contact consent. */
function answerText(value: AnswerValue): string {
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  if ('choices' in value) return value.choices.join(', ') + (value.other ? ` (other: ${value.other})` : '');
  return value.consent ? `Yes, by ${value.channel}: ${value.address}` : 'No';
}

/** The question as the customer read it; its id when the survey no longer has it. */
function promptOf(question: Question | undefined, id: string): string {
  return question?.prompt ?? id;
}

/** What the customer said, first: each answer under its question (the comment in full), or the feedback. */
export function CustomerAnswers({ followUp, lookups }: { followUp: FollowUp; lookups: Lookups }) {
  if (followUp.source === 'feedback') {
    return (
      <section class="card" aria-labelledby="answers-title">
        <h2 id="answers-title">What the customer said</h2>
        <p class="quote">{followUp.feedback.comment}</p>
        <p class="muted">Sent with the feedback button ({followUp.feedback.category}).</p>
      </section>
    );
  }
  const find = questionOf(lookups);
  const answers = Object.entries(followUp.response.answers);
  return (
    <section class="card" aria-labelledby="answers-title">
      <h2 id="answers-title">What the customer said</h2>
      <dl class="answers">
        {answers.map(([id, value]) => {
          const question = find(followUp.response.surveyId, id);
          const isText = typeof value === 'string';
          return (
            <div key={id} class={isText ? 'answer answer-text' : 'answer'}>
              <dt>{promptOf(question, id)}</dt>
              <dd class={isText ? 'quote' : undefined}>{answerText(value)}</dd>
            </div>
          );
        })}
      </dl>
      {!followUp.response.finished && <p class="muted">The customer left the survey before its end.</p>}
    </section>
  );
}
