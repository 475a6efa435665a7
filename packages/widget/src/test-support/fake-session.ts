import type { SurveySession } from '@closeloop/sdk';
import type { SurveyDefinition } from '@closeloop/sdk/schemas';

/** A survey as the core hands it over (defaults applied): NPS, then an optional open-text question. */
export function npsSurvey(overrides: Partial<SurveyDefinition> = {}): SurveyDefinition {
  return {
    id: 'nps-q4',
    name: 'Quarterly NPS',
    active: true,
    questions: [
      { id: 'nps', type: 'nps', prompt: 'How likely are you to recommend Acme to a friend?', required: true, lowLabel: 'Not likely', highLabel: 'Very likely' },
      { id: 'reason', type: 'text', prompt: 'What is the main reason for your score?', required: false, multiline: true, maxLength: 20, placeholder: 'Tell us more' },
    ],
    triggers: [],
    thankYou: { title: 'Thank you!', body: 'Your feedback goes straight to our team.' },
    followUp: { enabled: true },
    ...overrides,
  };
}

export interface FakeSession extends SurveySession {
  /** Every call the UI made, in order, as `[method, ...args]`. */
  readonly calls: unknown[][];
}

/** Stands in for the core's session: records what the UI reports, in order. */
export function fakeSession(survey: SurveyDefinition = npsSurvey()): FakeSession {
  const calls: unknown[][] = [];
  return {
    survey,
    trigger: 'manual',
    calls,
    answer: (questionId, value) => void calls.push(['answer', questionId, value]),
    complete: () => void calls.push(['complete']),
    dismiss: () => void calls.push(['dismiss']),
  };
}
