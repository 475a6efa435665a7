import type { PreviewMessage, SurveyDefinition } from '@closeloop/sdk/schemas';
import type { PreviewRequest } from './render-preview.js';

type Parsed<T> = { success: true; data: T } | { success: false };

export interface PreviewListenerDeps {
  window: Window;
  parseMessage: (data: unknown) => Parsed<PreviewMessage>;
  parseSurvey: (data: unknown) => Parsed<SurveyDefinition>;
  show: (request: PreviewRequest) => void;
  /** A line for the page's status area: why the preview shows what it shows ('' when all is well). */
  report: (text: string) => void;
  /** The page around the card follows the chosen scheme too, as a host page would. */
  scheme: (scheme: 'light' | 'dark') => void;
}

/**
 * Shows what the console's editor posts. Only a message from the parent frame of the same origin counts: the preview
 * renders whatever it is sent, so no other site (a page framing it, a popup) may drive it. A draft that does not
 * parse as a SurveyDefinition leaves the last valid one on screen, with a line saying so, because an editor holds
 * an invalid draft between two keystrokes all the time. Returns the teardown.
 */
export function listenForPreview({ window: win, parseMessage, parseSurvey, show, report, scheme }: PreviewListenerDeps): () => void {
  let lastValid: SurveyDefinition | undefined;
  const controller = new AbortController();
  win.addEventListener(
    'message',
    (event: MessageEvent) => {
      if (event.origin !== win.location.origin || event.source !== win.parent || win.parent === win) return;
      const message = parseMessage(event.data);
      if (!message.success) return;
      const survey = parseSurvey(message.data.survey);
      if (survey.success) lastValid = survey.data;
      const schemeWanted = message.data.scheme ?? (lastValid?.display?.colorScheme === 'dark' ? 'dark' : 'light');
      scheme(schemeWanted);
      if (!lastValid) {
        report('The draft has errors: fix them in the editor to see the preview.');
        return;
      }
      report(survey.success ? '' : 'The draft has errors: showing its last valid version.');
      show({ survey: lastValid, step: message.data.step, locale: message.data.locale, scheme: message.data.scheme });
    },
    { signal: controller.signal },
  );
  return () => controller.abort();
}
