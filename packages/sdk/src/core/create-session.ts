import type { AnswerValue } from '../schemas/question.js';
import type { Respondent } from '../schemas/respondent.js';
import type { ResponseSubmission } from '../schemas/response-submission.js';
import type { SurveyDefinition } from '../schemas/survey-definition.js';
import type { Emitter } from './emitter.js';
import { pageContext } from './page-context.js';
import type { LifecycleEvents, SurveySession, TriggerSource } from './types.js';
import { uuidv7 } from './uuidv7.js';
import { answerFault } from '../logic/valid-answer.js';
import { warn } from './warn.js';

export interface SessionOptions {
  project: string;
  survey: SurveyDefinition;
  trigger: TriggerSource;
  /** Aborted by `destroy()`: the session then ignores the UI. */
  signal: AbortSignal;
  respondent: () => Respondent;
  deliver: (submission: ResponseSubmission) => void;
  emit: Emitter<LifecycleEvents>['emit'];
  /** The session is over (completed or dismissed): record the cap and free the screen. */
  end: () => void;
}

/**
 * One showing of a survey. It owns the response id (a UUIDv7, so every retry and every later answer of this
 * showing lands on the same server-side response) and turns each UI report into a full submission.
 */
export function createSession({ project, survey, trigger, signal, respondent, deliver, emit, end }: SessionOptions): SurveySession {
  const responseId = uuidv7();
  const surveyId = survey.id;
  const answers: Record<string, AnswerValue> = {};
  let open = true;
  const live = () => open && !signal.aborted;
  const answered = () => Object.keys(answers).length > 0;
  const send = (finished: boolean, closed = !open) =>
    deliver({
      id: responseId,
      project,
      surveyId,
      answers: { ...answers },
      finished,
      // Sent after the session closed: the last word on this response (complete, or dismiss after an answer); or
      // sent as the page goes away (below).
      closed,
      respondent: respondent(),
      context: pageContext(trigger),
      answeredAt: new Date().toISOString(),
    });
  const close = () => {
    open = false;
    end();
  };
  // The visitor leaves the page with the survey open and answered (the score given, the comment step left): no step
  // is coming, so the case is told of now, not after the project's wait for a comment. The session stays open, as a
  // page restored from the back/forward cache shows the survey again and its next answer must still be sent. The
  // outbox delivers it as the page goes (a keepalive fetch; behind one still under way, on the next page).
  window.addEventListener('pagehide', () => live() && answered() && send(false, true), { signal });

  return {
    survey,
    trigger,
    // The respondent as it stands: `attributes` and `signature` are what the UI reads (spread: the fewest core bytes).
    ...respondent(),
    answer(questionId, value) {
      if (!live()) return;
      const question = survey.questions.find((q) => q.id === questionId);
      if (!question || answerFault(question, value) !== undefined) {
        warn(`ignored an invalid answer to "${questionId}" in survey "${surveyId}"`);
        return;
      }
      answers[questionId] = value;
      send(false);
      emit('survey:answered', { surveyId, responseId, questionId, value });
    },
    complete() {
      if (!live()) return;
      close();
      // Without answers there is no response to finish: the server requires at least one.
      if (answered()) send(true);
      emit('survey:completed', { surveyId, responseId });
    },
    dismiss() {
      if (!live()) return;
      close();
      // A detractor who leaves at the comment: their case is told of now, not after the project's wait for it.
      if (answered()) send(false);
      emit('survey:dismissed', { surveyId, responseId: answered() ? responseId : null });
    },
  };
}
