import { computed, createModel, effect, signal } from '@preact/signals';
import type { SurveySession } from '@closeloop/sdk';
import { followUpReason } from '@closeloop/sdk/logic';
import type { AnswerValue } from '@closeloop/sdk/schemas';
import { nextIndex, stepsLeft } from './next-step.js';

export interface SurveyRunDeps {
  /** The showing handed over by the core: it owns ids and delivery, the run only reports to it. */
  session: Pick<SurveySession, 'survey' | 'answer' | 'complete' | 'dismiss' | 'attributes' | 'signature'>;
  /** Called once when the run ends (closed, dismissed or timed out after the thank-you): tear the UI down. */
  onClose: () => void;
  /** How long the thank-you stays before the run closes itself; 0 keeps it until the visitor closes it. */
  thankYouMs?: number;
  /**
   * Text typed and not sent yet, by question id. The presenter owns it so it outlives this run: a visitor who closes
   * the survey and asks for it again on the same page finds their words where they left them. Never sent by itself.
   */
  drafts?: Map<string, string>;
}

/**
 * One visitor's way through one survey: which question is showing and what was answered. The next question
 * follows the survey's logic (the first matching rule of the question just answered or skipped, else the next in
 * order), so any question type the UI can render slots in without changes here. Each answer goes to the session
 * the moment it is given (partial responses); reaching the end completes the session.
 *
 * A contact step ("May we contact you about this?") shows only when it has a reason to: the survey's follow-up rule
 * matches the answers so far (the sdk's `followUpReason`, the very rule the server opens the case with) and the
 * visitor has no verified email (a signed identity with an `email` attribute), through which support can answer
 * anyway. Otherwise it is passed over as if skipped.
 */
export const SurveyRun = createModel(({ session, onClose, thankYouMs = 0, drafts = new Map<string, string>() }: SurveyRunDeps) => {
  const questions = session.survey.questions;
  const answers = signal<Readonly<Record<string, AnswerValue>>>({});
  const contactKnown = Boolean(session.signature && session.attributes?.email);
  /** A contact step that no answer can bring on: support can reach the visitor already, or no case ever opens. */
  const neverShows = (index: number) => questions[index]?.type === 'contact' && (contactKnown || !session.survey.followUp.enabled);
  /** Whether the question at `index` shows: any question does, but a contact step only when a case will want it. */
  const shows = (index: number) =>
    questions[index]?.type !== 'contact' || (!neverShows(index) && followUpReason(session.survey, answers.value) !== null);
  /** The first question from `index` on that shows, passing over (as skipped) the steps that have no reason to. */
  const land = (index: number) => {
    while (!shows(index)) index = nextIndex(questions, index, undefined);
    return index;
  };
  /** Index of the showing question; `questions.length` is the end screen. */
  const step = signal(land(0));
  /** How many questions this visitor has seen, the showing one included. */
  const position = signal(1);
  const closed = signal(false);
  /** The contact step this visitor was asked, if any. */
  const askedContact = signal(questions[step.value]?.type === 'contact' ? questions[step.value]!.id : undefined);
  /**
   * Asked how to reach them, the visitor did not consent (declined or skipped): nobody can get back to them, so
   * the thank-you must not promise it.
   */
  const unreachable = computed(() => {
    const asked = askedContact.value;
    const answer = asked === undefined ? undefined : answers.value[asked];
    return asked !== undefined && !(typeof answer === 'object' && 'consent' in answer && answer.consent);
  });
  const current = computed(() => questions[step.value]);
  const finished = computed(() => step.value >= questions.length);
  const total = computed(() => position.value - 1 + stepsLeft(questions, step.value, neverShows));

  // Only the showing question may be answered or skipped: a double click, or Space's click arriving after the
  // step moved on, must not send an answer twice or skip the next question.
  const isCurrent = (questionId: string) => !closed.value && current.value?.id === questionId;

  const advance = (value: AnswerValue | undefined) => {
    step.value = land(nextIndex(questions, step.value, value));
    if (finished.value) session.complete();
    else {
      position.value += 1;
      if (current.value?.type === 'contact') askedContact.value = current.value.id;
    }
  };

  const close = () => {
    if (closed.value) return;
    closed.value = true;
    if (!finished.value) session.dismiss();
    onClose();
  };

  // The thank-you is a confirmation, not a question: it leaves by itself. The effect belongs to the model, so
  // disposing the model clears a pending timer.
  effect(() => {
    if (!finished.value || closed.value || thankYouMs <= 0) return;
    const timer = setTimeout(close, thankYouMs);
    return () => clearTimeout(timer);
  });

  return {
    step,
    position,
    answers,
    closed,
    current,
    finished,
    total,
    unreachable,
    answer(questionId: string, value: AnswerValue) {
      if (!isCurrent(questionId)) return;
      answers.value = { ...answers.value, [questionId]: value };
      drafts.delete(questionId);
      session.answer(questionId, value);
      advance(value);
    },
    skip(questionId: string) {
      if (isCurrent(questionId)) advance(undefined);
    },
    close,
    /** What the visitor typed into this question and has not sent. */
    draft: (questionId: string) => drafts.get(questionId),
    keepDraft(questionId: string, text: string) {
      if (isCurrent(questionId)) drafts.set(questionId, text);
    },
  };
});

export type SurveyRun = InstanceType<typeof SurveyRun>;
