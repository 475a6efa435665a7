import { computed, createModel, effect, signal } from '@preact/signals';
import type { SurveySession } from '@closeloop/sdk';
import type { AnswerValue } from '@closeloop/sdk/schemas';
import { nextIndex, stepsLeft } from './next-step.js';

export interface SurveyRunDeps {
  /** The showing handed over by the core: it owns ids and delivery, the run only reports to it. */
  session: Pick<SurveySession, 'survey' | 'answer' | 'complete' | 'dismiss'>;
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
 */
export const SurveyRun = createModel(({ session, onClose, thankYouMs = 0, drafts = new Map<string, string>() }: SurveyRunDeps) => {
  const questions = session.survey.questions;
  /** Index of the showing question; `questions.length` is the end screen. */
  const step = signal(0);
  /** How many questions this visitor has seen, the showing one included. */
  const position = signal(1);
  const answers = signal<Readonly<Record<string, AnswerValue>>>({});
  const closed = signal(false);
  const current = computed(() => questions[step.value]);
  const finished = computed(() => step.value >= questions.length);
  const total = computed(() => position.value - 1 + stepsLeft(questions, step.value));

  // Only the showing question may be answered or skipped: a double click, or Space's click arriving after the
  // step moved on, must not send an answer twice or skip the next question.
  const isCurrent = (questionId: string) => !closed.value && current.value?.id === questionId;

  const advance = (value: AnswerValue | undefined) => {
    step.value = nextIndex(questions, step.value, value);
    if (finished.value) session.complete();
    else position.value += 1;
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
