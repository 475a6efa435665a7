import type { SurveyDefinition, Trigger } from '@closeloop/sdk/schemas';
import { QUESTION_TYPES } from './question-templates.js';

const TRIGGER_WORDS: Record<Trigger['type'], (t: never) => string> = {
  'exit-intent': () => 'exit intent',
  dwell: (t: { seconds: number }) => `after ${t.seconds} s on a page`,
  scroll: (t: { percent: number }) => `scrolled ${t.percent}%`,
  click: (t: { selector: string }) => `click on ${t.selector}`,
  'page-view': () => 'page view',
  event: (t: { name: string }) => `event ${t.name}`,
  visits: (t: { pageViews?: number; sessions?: number }) => (t.sessions ? `from visit ${t.sessions}` : `from page view ${t.pageViews}`),
};

/** What kind of survey it is, by its first question ("NPS (0–10)"), and how many more it asks. */
export function surveyKind(survey: Pick<SurveyDefinition, 'questions'>): string {
  const first = survey.questions[0];
  const label = QUESTION_TYPES.find((type) => type.value === first?.type)?.label ?? 'Survey';
  return survey.questions.length > 1 ? `${label} + ${survey.questions.length - 1} more` : label;
}

/** Its triggers in a few words, or how it shows without one. */
export function triggerSummary(survey: Pick<SurveyDefinition, 'triggers'>): string {
  if (survey.triggers.length === 0) return 'only by show()';
  return survey.triggers.map((trigger) => (TRIGGER_WORDS[trigger.type] as (t: Trigger) => string)(trigger)).join(', ');
}
