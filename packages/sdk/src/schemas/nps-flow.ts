import type { z } from 'zod';
import type { Question } from './question.js';

export interface NpsFlowOptions {
  /** The NPS question; default "How likely are you to recommend us to a friend or colleague?". */
  prompt?: string;
  /** Where promoters are invited to leave a review (optional): they get a call to action before the thank-you. */
  reviewUrl?: string;
  reviewLabel?: string;
}

/**
 * The default NPS flow, as questions with logic to put in a survey: detractors (0–6) are asked what went wrong,
 * passives (7–8) what would make it a 10, promoters (9–10) go to the thank-you, through a review link when one is
 * given. Question ids: `nps`, `went-wrong`, `make-it-10`, `review`.
 */
export function npsFlow({ prompt, reviewUrl, reviewLabel = 'Write a review' }: NpsFlowOptions = {}): z.input<typeof Question>[] {
  const promoters = reviewUrl ? 'review' : 'end';
  const questions: z.input<typeof Question>[] = [
    {
      id: 'nps',
      type: 'nps',
      prompt: prompt ?? 'How likely are you to recommend us to a friend or colleague?',
      required: true,
      logic: [
        { if: { op: 'lte', value: 6 }, goTo: 'went-wrong' },
        { if: { op: 'lte', value: 8 }, goTo: 'make-it-10' },
        { goTo: promoters },
      ],
    },
    { id: 'went-wrong', type: 'text', prompt: 'What went wrong?', logic: [{ goTo: 'end' }] },
    { id: 'make-it-10', type: 'text', prompt: 'What would make it a 10?', logic: [{ goTo: 'end' }] },
  ];
  if (reviewUrl)
    questions.push({ id: 'review', type: 'cta', prompt: 'Thank you! Would you share that in a review?', buttonLabel: reviewLabel, url: reviewUrl });
  return questions;
}
