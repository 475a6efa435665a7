import { PREVIEW_MESSAGE, PreviewMessage, SurveyDefinition } from '@closeloop/sdk/schemas';
import { npsSurvey } from '../test-support/fake-session.js';
import { listenForPreview } from './listen-for-preview.js';
import type { PreviewRequest } from './render-preview.js';

/** A window whose parent is another window, as the preview's iframe has. */
function framed() {
  const parent = {} as Window;
  const win = Object.assign(new EventTarget(), { parent, location: { origin: 'https://closeloop.example' } }) as unknown as Window;
  return { win, parent };
}

function setUp() {
  const { win, parent } = framed();
  const shown: PreviewRequest[] = [];
  const reports: string[] = [];
  const schemes: string[] = [];
  const stop = listenForPreview({
    window: win,
    parseMessage: (data) => PreviewMessage.safeParse(data),
    parseSurvey: (data) => SurveyDefinition.safeParse(data),
    show: (request) => shown.push(request),
    report: (text) => reports.push(text),
    scheme: (scheme) => schemes.push(scheme),
  });
  const post = (data: unknown, { origin = 'https://closeloop.example', source = parent as unknown } = {}) =>
    win.dispatchEvent(new MessageEvent('message', { data, origin, source: source as MessageEventSource }));
  return { shown, reports, schemes, post, stop };
}

describe('listenForPreview', () => {
  it('shows the survey its same-origin parent sends, at the step and in the language and scheme asked', () => {
    const { shown, schemes, post } = setUp();
    post({ type: PREVIEW_MESSAGE, survey: npsSurvey(), step: 'reason', locale: 'sv', scheme: 'dark' });
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ step: 'reason', locale: 'sv', scheme: 'dark', survey: { id: 'nps-q4' } });
    expect(schemes).toEqual(['dark']);
  });

  it('ignores messages from another origin, from a window other than its parent, and of another shape', () => {
    const { shown, post } = setUp();
    post({ type: PREVIEW_MESSAGE, survey: npsSurvey() }, { origin: 'https://evil.example' });
    post({ type: PREVIEW_MESSAGE, survey: npsSurvey() }, { source: {} });
    post({ type: 'something-else', survey: npsSurvey() });
    post({ type: PREVIEW_MESSAGE, survey: npsSurvey(), scheme: 'sepia' });
    expect(shown).toEqual([]);
  });

  it('keeps the last valid draft on screen while the editor holds an invalid one, and says so', () => {
    const { shown, reports, post } = setUp();
    post({ type: PREVIEW_MESSAGE, survey: { ...npsSurvey(), questions: [] } });
    expect(shown).toEqual([]);
    expect(reports.at(-1)).toMatch(/fix them in the editor/);
    post({ type: PREVIEW_MESSAGE, survey: npsSurvey() });
    post({ type: PREVIEW_MESSAGE, survey: { ...npsSurvey(), name: '' }, step: 'reason' });
    expect(shown).toHaveLength(2);
    expect(shown[1]).toMatchObject({ step: 'reason', survey: { name: 'Quarterly NPS' } });
    expect(reports.at(-1)).toMatch(/last valid version/);
  });

  it('stops listening when torn down', () => {
    const { shown, post, stop } = setUp();
    stop();
    post({ type: PREVIEW_MESSAGE, survey: npsSurvey() });
    expect(shown).toEqual([]);
  });
});
