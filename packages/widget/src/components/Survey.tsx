import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Display, SurveyDefinition } from '@closeloop/sdk/schemas';
import { fill } from '../i18n/strings.js';
import { useStrings } from '../i18n/strings-context.js';
import { useTextMarks } from '../i18n/text-marks.js';
import type { SurveyRun } from '../models/survey-run.js';
import { QuestionView } from '../questions/QuestionView.js';
import { promptId } from '../questions/prompt-id.js';
import { CloseButton } from './CloseButton.js';
import { THANK_YOU_TITLE_ID, ThankYou } from './ThankYou.js';
import { trapFocus } from './trap-focus.js';

const ANNOUNCE_DELAY_MS = 100;

export interface SurveyProps {
  survey: Pick<SurveyDefinition, 'thankYou'>;
  run: SurveyRun;
  placement?: Display['placement'];
  /** The card's language tag (`lang`: the language of the widget's words), and whether it is right to left (`dir`). */
  locale?: string;
  rtl?: boolean;
  /** The feedback tab is on the edge of the card's corner: a floating card keeps clear of it (edge-tab-side.ts). */
  besideTab?: boolean;
  /**
   * Whether the card takes keyboard focus when it opens: yes when the visitor asked for it (`show()`) and for a
   * modal (which hides the page anyway); no for a survey that opened by itself, which must never pull a visitor's
   * typing out of the page's own form. Either way, once focus is inside, each step moves it on.
   */
  takeFocus?: boolean;
}

/**
 * The survey card. In a corner it is a non-modal dialog, so the page stays usable behind it; as a modal it dims
 * the page and keeps focus inside; inline it is a region of the page. A polite live region names each step, so
 * screen-reader users hear a survey that opened by itself without losing their place; keyboard users reach it
 * with Tab (the host is the last element of the page). Once the visitor is in the card (focus or pointer), each
 * step moves focus to its main control, so keyboard users follow along.
 */
export function Survey({ survey, run, placement = 'bottom-right', locale = 'en', rtl = false, besideTab = false, takeFocus = true }: SurveyProps) {
  const t = useStrings();
  const card = useRef<HTMLDivElement>(null);
  const question = run.current.value;
  const step = run.step.value;
  const position = fill(t.progress, { n: run.position.value, total: run.total.value });
  const modal = placement === 'modal';
  const inline = placement === 'inline';
  // Set once the visitor is in the card; a ref, not state: it only decides where focus goes at the next step.
  const engaged = useRef(modal || takeFocus);

  useLayoutEffect(() => {
    if (!engaged.current) return;
    const target = card.current?.querySelector<HTMLElement>('[data-autofocus]') ?? card.current;
    target?.focus();
  }, [step]);

  // The live region is rendered empty and filled a moment later: screen readers announce a change to a region
  // they already know, but often stay silent about one inserted with its text, and a survey that opened by
  // itself has no other way to make itself heard.
  const [live, setLive] = useState(false);
  useEffect(() => {
    const id = setTimeout(() => setLive(true), ANNOUNCE_DELAY_MS);
    return () => clearTimeout(id);
  }, []);

  // The survey's texts keep their language marks in the announcement, beside the widget's words ("Question 1 of 2").
  const marks = useTextMarks();
  const { title, body } = survey.thankYou;
  // Asked how to reach them, the visitor said no (or skipped it): a promise to get back to them would be false.
  const noReply = run.unreachable.value;
  const announcement = question ? (
    <>
      {position}: <span {...marks.question(question.id, 'prompt')}>{question.prompt}</span>
    </>
  ) : (
    <>
      <span {...marks.thankYou('title')}>{title}</span>
      {noReply ? (
        <> {t.noReply}</>
      ) : (
        body && (
          <>
            {' '}
            <span {...marks.thankYou('body')}>{body}</span>
          </>
        )
      )}
    </>
  );

  return (
    <>
      {modal && <div class="overlay" aria-hidden="true" />}
      <div
        ref={card}
        class={`card ${placement}${besideTab ? ' beside-tab' : ''}`}
        role={inline ? 'region' : 'dialog'}
        aria-modal={inline ? undefined : modal}
        aria-labelledby={question ? promptId(question.id) : THANK_YOU_TITLE_ID}
        lang={locale}
        dir={rtl ? 'rtl' : 'ltr'}
        tabIndex={-1}
        onFocusIn={() => (engaged.current = true)}
        onPointerDown={() => (engaged.current = true)}
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
              draft={run.draft(question.id)}
              onDraft={(text) => run.keepDraft(question.id, text)}
            />
          </>
        ) : (
          <ThankYou title={title} body={body} noReply={noReply} onDone={run.close} />
        )}
        <div class="sr-only" role="status" aria-live="polite">
          {live && announcement}
        </div>
      </div>
    </>
  );
}
