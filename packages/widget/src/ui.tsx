import { render } from 'preact';
import type { Presenter, SurveySession } from '@closeloop/sdk';
import { Survey } from './components/Survey.js';
import { hasStrings, loadStrings } from './i18n/load-strings.js';
import { localizeSurvey } from './i18n/localize-survey.js';
import { isRtl } from './i18n/language-tag.js';
import { LanguageProvider } from './i18n/LanguageProvider.js';
import { resolveLocale } from './i18n/resolve-locale.js';
import type { Strings } from './i18n/strings.js';
import { textMarks } from './i18n/text-marks.js';
import { wantedLanguages } from './i18n/wanted-languages.js';
import { SurveyRun } from './models/survey-run.js';
import { mount } from './mount.js';
import { applyDisplay } from './styles/apply-display.js';
import { asFocusable, deepActiveElement } from './surfaces/deep-active-element.js';
import { cardSide, cardUp, edgeTabSide } from './surfaces/edge-tab-side.js';
import { shareScreen } from './surfaces/share-screen.js';

export interface PresenterOptions {
  /** The document to render into; defaults to the global one. */
  document?: Document;
  /** How long the thank-you stays, in ms; 0 keeps it until the visitor closes it. Default 6000. */
  thankYouMs?: number;
  /** Where inline surveys render; defaults to the page's `[data-closeloop-inline]` element (see README). */
  inline?: Element;
  /** The page's language, as the script tag's `data-locale` gives it: first in the order of languages (see README). */
  locale?: string;
}

/**
 * A Presenter that renders each session as the survey's placement asks: a slide-in card in a corner (the
 * default), a modal, or inline in the page. One survey shows at a time: if the core presents a new one while
 * another is open, the open one is closed first (and counts as dismissed). It shares the screen with the feedback
 * form (share-screen.ts): whichever the visitor asked for last is on screen, the other waits hidden, intact.
 * Text typed and not sent is kept per survey for the life of the presenter (the page) and is there again when the
 * survey shows again; when a survey closes, focus goes back to where it was before the survey had it.
 */
export function createPresenter({ document: given, thankYouMs = 6000, inline, locale: pageLocale }: PresenterOptions = {}): Presenter {
  let closeActive: (() => void) | undefined;
  const drafts = new Map<string, Map<string, string>>();

  return function present(session: SurveySession) {
    // Looked up per showing, not at import, so server-side rendering can import the widget without a DOM.
    const doc = given ?? document;
    const locale = resolveLocale(session.survey, wantedLanguages(doc, pageLocale, session.attributes));
    const strings = loadStrings(locale);
    // English is there at once, so the common case renders in the same tick; other languages await their chunk.
    return 'then' in strings ? strings.then((loaded) => show(loaded)) : show(strings);

    function show(strings: Strings) {
      closeActive?.();
      const { survey, languages } = localizeSurvey(session.survey, locale);
      // The card is in the language of the widget's own words (English where it has none for `locale`); a survey
      // text in another language carries its own lang and dir (text-marks.ts).
      const cardLanguage = hasStrings(locale) ? locale : 'en';
      const display = survey.display;
      const target = display?.placement === 'inline' ? (inline ?? inlineTarget(doc, survey.id)) : undefined;
      const mounted = mount(target ?? doc);
      applyDisplay(mounted, display);
      // Where focus goes back to: the last element that had it outside the survey (in the page, or another shadow
      // root: composedPath()[0] is the real element), starting from the one focused when the survey showed. So a
      // visitor who was reading, then searched, then answered, is back in the search field, not on <body>.
      let previous = deepActiveElement(doc);
      const watching = new AbortController();
      doc.addEventListener(
        'focusin',
        (event) => {
          const target = asFocusable(event.composedPath()[0]);
          if (target && !mounted.root.contains(target)) previous = target;
        },
        { capture: true, signal: watching.signal },
      );
      const surveyDrafts = drafts.get(survey.id) ?? new Map<string, string>();
      drafts.set(survey.id, surveyDrafts);

      const run = new SurveyRun({
        // The run walks the localized texts; answers still go to the core's session (its methods need no `this`).
        // The identity goes along so the run knows whether a verified email makes a contact step needless.
        session: { survey, answer: session.answer, complete: session.complete, dismiss: session.dismiss, attributes: session.attributes, signature: session.signature },
        thankYouMs,
        drafts: surveyDrafts,
        onClose() {
          // Give focus back only when it is still ours: a visitor who clicked elsewhere on the page keeps their spot.
          const focusWasInside = mounted.root.activeElement !== null || doc.activeElement === doc.body;
          render(null, mounted.container);
          run[Symbol.dispose]();
          mounted.unmount();
          closeActive = undefined;
          watching.abort();
          releaseScreen();
          releaseTab();
          if (focusWasInside && previous?.isConnected) previous.focus();
        },
      });
      closeActive = run.close;
      const releaseScreen = shareScreen(mounted.container);
      // An inline survey without a place to go shows in the default corner instead.
      const placement = target || display?.placement !== 'inline' ? (display?.placement ?? 'bottom-right') : 'bottom-right';
      const rtl = isRtl(cardLanguage);
      const side = cardSide(placement, rtl);
      // A card floating in a corner (not inline, not a modal over its own backdrop).
      const releaseTab = side ? cardUp(doc) : () => {};
      render(
        <LanguageProvider strings={strings} marks={textMarks(languages, cardLanguage)}>
          <Survey
            survey={survey}
            run={run}
            placement={placement}
            besideTab={side !== null && side === edgeTabSide(doc)}
            locale={cardLanguage}
            rtl={rtl}
            // A survey the visitor asked for takes focus; one that opened by itself (exit intent, dwell…) only
            // announces itself, so typing in the page's own fields never lands in it (Survey.tsx).
            takeFocus={session.trigger === 'manual'}
          />
        </LanguageProvider>,
        mounted.container,
      );
    }
  };
}

/** The page's place for an inline survey: `data-closeloop-inline="<survey id>"`, else an empty `data-closeloop-inline`. */
function inlineTarget(doc: Document, surveyId: string): Element | null {
  const candidates = [...doc.querySelectorAll('[data-closeloop-inline]')];
  return candidates.find((el) => el.getAttribute('data-closeloop-inline') === surveyId) ?? candidates.find((el) => !el.getAttribute('data-closeloop-inline')) ?? null;
}

/** The Presenter the script tag loads lazily, and the npm build exports. */
export const present: Presenter = createPresenter();
