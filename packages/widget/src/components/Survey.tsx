import { useLayoutEffect, useRef } from 'preact/hooks';
import type { SurveyDefinition } from '@closeloop/sdk/schemas';
import type { SurveyRun } from '../models/survey-run.js';
import { QuestionView } from '../questions/QuestionView.js';
import { promptId } from '../questions/prompt-id.js';
import { CloseButton } from './CloseButton.js';
import { THANK_YOU_TITLE_ID, ThankYou } from './ThankYou.js';

export interface SurveyProps {
  survey: Pick<SurveyDefinition, 'thankYou'>;
  run: SurveyRun;
}

/**
 * The survey card: a non-modal dialog in the corner, so the page stays usable behind it. Each step moves focus to
 * its main control and a polite live region names the step, so keyboard and screen-reader users follow along.
 */
export function Survey({ survey, run }: SurveyProps) {
  const card = useRef<HTMLDivElement>(null);
  const question = run.current.value;
  const step = run.step.value;
  const position = `Question ${step + 1} of ${run.total.value}`;

  useLayoutEffect(() => {
    const target = card.current?.querySelector<HTMLElement>('[data-autofocus]') ?? card.current;
    target?.focus();
  }, [step]);

  const announcement = question
    ? `${position}: ${question.prompt}`
    : [survey.thankYou.title, survey.thankYou.body].filter(Boolean).join(' ');

  return (
    <div
      ref={card}
      class="card"
      role="dialog"
      aria-modal="false"
      aria-labelledby={question ? promptId(question.id) : THANK_YOU_TITLE_ID}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          run.close();
        }
      }}
    >
      <CloseButton onClose={run.close} />
      {question ? (
        <>
          {run.total.value > 1 && (
            <p class="progress" aria-hidden="true">
              {position}
            </p>
          )}
          <QuestionView
            key={question.id}
            question={question}
            value={run.answers.value[question.id]}
            onAnswer={(value) => run.answer(question.id, value)}
            onSkip={question.required ? undefined : () => run.skip(question.id)}
          />
        </>
      ) : (
        <ThankYou title={survey.thankYou.title} body={survey.thankYou.body} onDone={run.close} />
      )}
      <div class="sr-only" role="status" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}
