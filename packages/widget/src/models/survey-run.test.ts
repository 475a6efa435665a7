import { SurveyDefinition, npsFlow } from '@closeloop/sdk/schemas';
import { fakeSession, npsSurvey } from '../test-support/fake-session.js';
import { SurveyRun } from './survey-run.js';

function setup(thankYouMs = 0, survey = npsSurvey()) {
  const session = fakeSession(survey);
  const onClose = vi.fn();
  const run = new SurveyRun({ session, onClose, thankYouMs });
  return { session, onClose, run };
}

describe('SurveyRun', () => {
  it('walks the questions in order, sending each answer at once, and completes after the last', () => {
    const { session, run } = setup();
    expect(run.current.value?.id).toBe('nps');

    run.answer('nps', 4);
    expect(session.calls).toEqual([['answer', 'nps', 4]]);
    expect(run.current.value?.id).toBe('reason');
    expect(run.answers.value).toEqual({ nps: 4 });

    run.answer('reason', 'Too slow');
    expect(session.calls).toEqual([['answer', 'nps', 4], ['answer', 'reason', 'Too slow'], ['complete']]);
    expect(run.finished.value).toBe(true);
    expect(run.current.value).toBeUndefined();
  });

  it('completes without an answer when the last question is skipped', () => {
    const { session, run } = setup();
    run.answer('nps', 10);
    run.skip('reason');
    expect(session.calls).toEqual([['answer', 'nps', 10], ['complete']]);
  });

  it('ignores answers and skips for a question that is no longer showing', () => {
    const { session, run } = setup();
    run.answer('nps', 2);
    run.answer('nps', 3);
    run.skip('nps');
    expect(session.calls).toEqual([['answer', 'nps', 2]]);
    expect(run.current.value?.id).toBe('reason');
  });

  it('dismisses when closed before the end, once', () => {
    const { session, onClose, run } = setup();
    run.answer('nps', 6);
    run.close();
    run.close();
    run.answer('reason', 'late');
    expect(session.calls).toEqual([['answer', 'nps', 6], ['dismiss']]);
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('does not dismiss a completed survey when the thank-you is closed', () => {
    const { session, onClose, run } = setup();
    run.answer('nps', 9);
    run.skip('reason');
    run.close();
    expect(session.calls.at(-1)).toEqual(['complete']);
    expect(session.calls).not.toContainEqual(['dismiss']);
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('follows the logic: a passive skips "what went wrong", answers "what would make it a 10", then completes', () => {
    const survey = SurveyDefinition.parse({ id: 'flow', name: 'Flow', questions: npsFlow({ reviewUrl: 'https://reviews.example' }) });
    const { session, run } = setup(0, survey);
    expect([run.position.value, run.total.value]).toEqual([1, 2]);
    run.answer('nps', 8);
    expect(run.current.value?.id).toBe('make-it-10');
    expect([run.position.value, run.total.value]).toEqual([2, 2]);
    run.answer('make-it-10', 'Faster delivery');
    expect(session.calls).toEqual([['answer', 'nps', 8], ['answer', 'make-it-10', 'Faster delivery'], ['complete']]);
    expect(run.finished.value).toBe(true);
  });

  it('takes promoters to the review link, and completes when they skip it', () => {
    const survey = SurveyDefinition.parse({ id: 'flow', name: 'Flow', questions: npsFlow({ reviewUrl: 'https://reviews.example' }) });
    const { session, run } = setup(0, survey);
    run.answer('nps', 10);
    expect(run.current.value?.id).toBe('review');
    run.skip('review');
    expect(session.calls).toEqual([['answer', 'nps', 10], ['complete']]);
  });

  describe('the contact step', () => {
    const contactSurvey = (overrides: Partial<SurveyDefinition> = {}) =>
      npsSurvey({
        questions: [...npsSurvey().questions, { id: 'reach', type: 'contact', prompt: 'May we contact you about this?', required: false }],
        ...overrides,
      });
    const signed = { signature: 'ab'.repeat(32), attributes: { email: 'ann@example.com' } };
    const contactRun = (survey = contactSurvey(), identity: { signature?: string; attributes?: Record<string, string> } = {}) => {
      const session = { ...fakeSession(survey), ...identity };
      return { session, run: new SurveyRun({ session, onClose: vi.fn() }) };
    };

    it('follows the comment when the follow-up rule matched and nobody knows how to reach the visitor', () => {
      const { session, run } = contactRun();
      run.answer('nps', 3);
      run.answer('reason', 'Late delivery');
      expect(run.current.value?.id).toBe('reach');
      run.answer('reach', { consent: true, channel: 'email', address: 'ann@example.com' });
      expect(session.calls.at(-2)).toEqual(['answer', 'reach', { consent: true, channel: 'email', address: 'ann@example.com' }]);
      expect(session.calls.at(-1)).toEqual(['complete']);
      expect(run.unreachable.value).toBe(false);
    });

    it('is passed over for a promoter, whose answers open no case', () => {
      const { session, run } = contactRun();
      run.answer('nps', 9);
      run.answer('reason', 'Fast');
      expect(run.finished.value).toBe(true);
      expect(session.calls).toEqual([['answer', 'nps', 9], ['answer', 'reason', 'Fast'], ['complete']]);
      expect(run.unreachable.value).toBe(false);
    });

    it('is passed over when a verified email is known, and when the survey opens no cases', () => {
      const known = contactRun(contactSurvey(), signed);
      known.run.answer('nps', 2);
      known.run.skip('reason');
      expect(known.run.finished.value).toBe(true);
      // An email nobody vouched for (no signature), or a signature without an email, reaches nobody: the step shows.
      for (const identity of [{ attributes: signed.attributes }, { signature: signed.signature, attributes: { plan: 'pro' } }]) {
        const unknown = contactRun(contactSurvey(), identity);
        unknown.run.answer('nps', 2);
        unknown.run.skip('reason');
        expect(unknown.run.current.value?.id).toBe('reach');
      }
      const noCases = contactRun(contactSurvey({ followUp: { enabled: false } }));
      noCases.run.answer('nps', 2);
      noCases.run.skip('reason');
      expect(noCases.run.finished.value).toBe(true);
    });

    it('counts the step in "Question n of N" only while it may still show', () => {
      expect(contactRun().run.total.value).toBe(3);
      expect(contactRun(contactSurvey(), signed).run.total.value).toBe(2);
      expect(contactRun(contactSurvey({ followUp: { enabled: false } })).run.total.value).toBe(2);
    });

    it('evaluates the survey rule as the server does: its own conditions, not the defaults', () => {
      const { run } = contactRun(contactSurvey({ followUp: { enabled: true, conditions: [{ question: 'nps', op: 'lte', value: 2 }] } }));
      run.answer('nps', 5);
      run.skip('reason');
      expect(run.finished.value).toBe(true);
      const strict = contactRun(contactSurvey({ followUp: { enabled: true, conditions: [{ question: 'nps', op: 'lte', value: 2 }] } }));
      strict.run.answer('nps', 2);
      strict.run.skip('reason');
      expect(strict.run.current.value?.id).toBe('reach');
    });

    it('leaves the visitor unreachable when they decline or skip it, so the thank-you promises no reply', () => {
      const declined = contactRun();
      declined.run.answer('nps', 0);
      declined.run.skip('reason');
      declined.run.answer('reach', { consent: false });
      expect([declined.run.finished.value, declined.run.unreachable.value]).toEqual([true, true]);
      const skipped = contactRun();
      skipped.run.answer('nps', 0);
      skipped.run.skip('reason');
      skipped.run.skip('reach');
      expect(skipped.run.unreachable.value).toBe(true);
    });
  });

  describe('thank-you timeout', () => {
    beforeEach(() => void vi.useFakeTimers());
    afterEach(() => void vi.useRealTimers());

    it('closes itself after the thank-you has shown for thankYouMs', () => {
      const { onClose, run } = setup(5000);
      vi.advanceTimersByTime(10_000);
      expect(onClose).not.toHaveBeenCalled();
      run.answer('nps', 9);
      run.skip('reason');
      vi.advanceTimersByTime(4999);
      expect(onClose).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(onClose).toHaveBeenCalledOnce();
    });

    it('leaves no timer behind once disposed', () => {
      const { onClose, run } = setup(5000);
      run.answer('nps', 9);
      run.skip('reason');
      run[Symbol.dispose]();
      vi.advanceTimersByTime(10_000);
      expect(onClose).not.toHaveBeenCalled();
    });
  });
});
