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
