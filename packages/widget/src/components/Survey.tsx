import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Display, SurveyDefinition } from '@closeloop/sdk/schemas';
import { fill } from '../i18n/strings.js';
import { useStrings } from '../i18n/strings-context.js';
import type { SurveyRun } from '../models/survey-run.js';
import { QuestionView } from '../questions/QuestionView.js';
import { promptId } from '../questions/prompt-id.js';
import { CloseButton } from './CloseButton.js';
import { THANK_YOU_TITLE_ID, ThankYou } from './ThankYou.js';
import { trapFocus } from './trap-focus.js';

export interface SurveyProps {
  survey: Pick<SurveyDefinition, 'thankYou'>;
  run: SurveyRun;
  placement?: Display['placement'];
  /** The survey's language tag (`lang`), and whether it is written right to left (`dir`). */
  locale?: string;
  rtl?: boolean;
}

/**
 * The survey card. In a corner it is a non-modal dialog, so the page stays usable behind it; as a modal it dims
 * the page and keeps focus inside; inline it is a region of the page. Each step moves focus to its main control
 * and a polite live region names the step, so keyboard and screen-reader users follow along.
 */
export function Survey({ survey, run, placement = 'bottom-right', locale = 'en', rtl = false }: SurveyProps) {
  const t = useStrings();
  const card = useRef<HTMLDivElement>(null);
  const question = run.current.value;
  const step = run.step.value;
  const position = fill(t.progress, { n: run.position.value, total: run.total.value });
  const modal = placement === 'modal';
  const inline = placement === 'inline';

  useLayoutEffect(() => {
    const target = card.current?.querySelector<HTMLElement>('[data-autofocus]') ?? card.current;
    target?.focus();
  }, [step]);

  const announcement = question
    ? `${position}: ${question.prompt}`
    : [survey.thankYou.title, survey.thankYou.body].filter(Boolean).join(' ');

  return (
    <>
      {modal && <div class="overlay" aria-hidden="true" />}
      <div
        ref={card}
        class={`card ${placement}`}
        role={inline ? 'region' : 'dialog'}
        aria-modal={inline ? undefined : modal}
        aria-labelledby={question ? promptId(question.id) : THANK_YOU_TITLE_ID}
        lang={locale}
        dir={rtl ? 'rtl' : 'ltr'}
        tabIndex={-1}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            run.close();
          } else if (modal && card.current) trapFocus(event, card.current);
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
    </>
  );
}
