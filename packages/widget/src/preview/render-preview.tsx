import { render } from 'preact';
import { END } from '@closeloop/sdk/schemas';
import type { Display, SurveyDefinition } from '@closeloop/sdk/schemas';
import { Survey } from '../components/Survey.js';
import { hasStrings, loadStrings } from '../i18n/load-strings.js';
import { isRtl } from '../i18n/language-tag.js';
import { LanguageProvider } from '../i18n/LanguageProvider.js';
import { localizeSurvey, sourceLanguage } from '../i18n/localize-survey.js';
import type { Strings } from '../i18n/strings.js';
import { textMarks } from '../i18n/text-marks.js';
import { SurveyRun } from '../models/survey-run.js';
import { mount } from '../mount.js';
import type { Mounted } from '../mount.js';
import { applyDisplay } from '../styles/apply-display.js';

export interface PreviewRequest {
  survey: SurveyDefinition;
  /** The question to open at (the one being edited); `end` for the thank-you; the first when unset or unknown. */
  step?: string | undefined;
  /** The language to show; the survey's own language when unset. */
  locale?: string | undefined;
  /** Light or dark whatever the survey's colour scheme; the survey's own when unset. */
  scheme?: 'light' | 'dark' | undefined;
}

/** The index a preview opens at: the step's question, the end screen for `end`, else the first question. */
export function previewIndex(survey: Pick<SurveyDefinition, 'questions'>, step: string | undefined): number {
  const index = survey.questions.findIndex((question) => question.id === step);
  if (index >= 0) return index;
  return step === END ? survey.questions.length : 0;
}

/**
 * The survey card as a visitor would see it, drawn by the widget's own components, for the console's live preview.
 * Unlike the presenter (ui.tsx) nothing here reaches the core: answers, completion and dismissal go nowhere, caps
 * and triggers are not involved, and the card opens straight at the question being edited. Each request replaces
 * the one before in the same card (no close and reopen, so editing does not make it flicker); closing the card
 * only starts it again at that question, because an empty preview would look broken.
 */
export function createPreview(doc: Document, inline: Element | null) {
  let mounted: Mounted | undefined;
  let mountedInline = false;
  let run: SurveyRun | undefined;
  /** The latest request; a language chunk that arrives after a newer request must not draw the old one. */
  let latest: PreviewRequest | undefined;

  function show(request: PreviewRequest) {
    latest = request;
    const survey = forPreview(request);
    const locale = survey.display!.locale!;
    const strings = loadStrings(locale);
    if ('then' in strings) void strings.then((loaded) => latest === request && draw(request, survey, loaded));
    else draw(request, survey, strings);
  }

  function draw(request: PreviewRequest, source: SurveyDefinition, strings: Strings) {
    const locale = source.display!.locale!;
    const { survey, languages } = localizeSurvey(source, locale);
    const cardLanguage = hasStrings(locale) ? locale : 'en';
    const wantsInline = survey.display?.placement === 'inline' && inline !== null;
    if (mounted && mountedInline !== wantsInline) {
      render(null, mounted.container);
      mounted.unmount();
      mounted = undefined;
    }
    mounted ??= mount(wantsInline ? inline! : doc);
    mountedInline = wantsInline;
    applyDisplay(mounted, survey.display);

    run?.[Symbol.dispose]();
    const next = new SurveyRun({
      session: { survey, answer() {}, complete() {}, dismiss() {} },
      thankYouMs: 0,
      // Closed by the visitor (×, Escape, "Done"): open again at the edited question, after the run finished closing.
      onClose: () => queueMicrotask(() => latest === request && show(request)),
    });
    const index = previewIndex(survey, request.step);
    next.step.value = index;
    next.position.value = Math.min(index, survey.questions.length - 1) + 1;
    run = next;
    render(
      <LanguageProvider strings={strings} marks={textMarks(languages, cardLanguage)}>
        <Survey
          survey={survey}
          run={next}
          placement={wantsInline || survey.display?.placement !== 'inline' ? survey.display?.placement : undefined}
          locale={cardLanguage}
          rtl={isRtl(cardLanguage)}
          // The editor keeps the keyboard: typing a prompt must not jump into the preview.
          takeFocus={false}
        />
      </LanguageProvider>,
      mounted.container,
    );
  }

  return show;
}

/** The survey with the preview's language and scheme fixed in its display, so the widget's own rules pick them. */
function forPreview({ survey, locale, scheme }: PreviewRequest): SurveyDefinition {
  const display: Display = survey.display ?? { placement: 'bottom-right', colorScheme: 'auto', theme: {} };
  return {
    ...survey,
    display: { ...display, locale: locale ?? display.locale ?? sourceLanguage(survey), colorScheme: scheme ?? display.colorScheme },
  };
}
