import { describe, expect, it } from 'vitest';
import { SurveyDefinition, npsFlow } from './index.js';

const issues = (input: unknown) => SurveyDefinition.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
const survey = (questions: unknown[], extra: object = {}) => ({ id: 's', name: 'S', questions, ...extra });

describe('survey logic', () => {
  it('accepts the default NPS flow, with and without a review link', () => {
    expect(issues(survey(npsFlow()))).toEqual([]);
    const parsed = SurveyDefinition.parse(survey(npsFlow({ reviewUrl: 'https://example.com/review' })));
    expect(parsed.questions.map((q) => q.id)).toEqual(['nps', 'went-wrong', 'make-it-10', 'review']);
    expect(parsed.questions[0]!.logic).toEqual([
      { if: { op: 'lte', value: 6 }, goTo: 'went-wrong' },
      { if: { op: 'lte', value: 8 }, goTo: 'make-it-10' },
      { goTo: 'review' },
    ]);
  });

  it('names the field of a jump to an unknown or earlier question', () => {
    expect(
      issues(
        survey([
          { id: 'a', type: 'nps', prompt: 'p', logic: [{ if: { op: 'lte', value: 6 }, goTo: 'nope' }] },
          { id: 'b', type: 'text', prompt: 'p', logic: [{ goTo: 'a' }] },
        ]),
      ),
    ).toEqual(['questions.0.logic.0.goTo: no question "nope" in this survey', 'questions.1.logic.0.goTo: must jump forward: "a" comes before or is this question']);
  });

  it('names conditions that cannot fit their question', () => {
    const options = [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }];
    expect(
      issues(
        survey([
          { id: 'a', type: 'csat', prompt: 'p', required: true, logic: [{ if: { op: 'gte', value: 9 }, goTo: 'end' }, { if: { op: 'skipped' }, goTo: 'end' }] },
          { id: 'b', type: 'single_choice', prompt: 'p', options, logic: [{ if: { op: 'includes', value: 'z' }, goTo: 'end' }] },
          { id: 'c', type: 'text', prompt: 'p', logic: [{ if: { op: 'lte', value: 1 }, goTo: 'end' }] },
        ]),
      ),
    ).toEqual([
      'questions.0.logic.0.if: must compare with a score from 1 to 5',
      'questions.0.logic.1.if: a required question cannot be skipped',
      'questions.1.logic.0.if: no option "z" in question "b"',
      'questions.2.logic.0.if: "lte" needs a scale question (nps, csat, ces, rating), not text',
    ]);
  });

  it('reserves "end" as a question id', () => {
    expect(issues(survey([{ id: 'end', type: 'text', prompt: 'p' }]))).toEqual(['questions.0.id: "end" is reserved for the end screen in logic']);
  });
});

describe('display and translations', () => {
  it('keeps today\'s look when display is left out, and fills defaults when given', () => {
    expect(SurveyDefinition.parse(survey(npsFlow())).display).toBeUndefined();
    expect(SurveyDefinition.parse(survey(npsFlow(), { display: {} })).display).toEqual({ placement: 'bottom-right', colorScheme: 'auto', theme: {} });
  });

  it('refuses theme values that could break out of a CSS declaration', () => {
    expect(issues(survey(npsFlow(), { display: { theme: { accent: 'red; } * { display: none', font: 'x}' } } }))).toEqual([
      'display.theme.accent: must be a hex colour such as #0f766e',
      'display.theme.font: must be a font-family list such as "Inter", system-ui, sans-serif',
    ]);
    expect(issues(survey(npsFlow(), { display: { placement: 'top', locale: 'swedish!' } }))).toHaveLength(2);
  });

  it('takes the language the survey is written in as an optional language tag, so older surveys stay valid', () => {
    expect(SurveyDefinition.parse(survey(npsFlow())).language).toBeUndefined();
    expect(SurveyDefinition.parse(survey(npsFlow(), { language: 'sv' })).language).toBe('sv');
    expect(issues(survey(npsFlow(), { language: 'Swedish' }))).toEqual(['language: must be a language tag such as sv or pt-BR']);
  });

  it('names translations of unknown questions and options', () => {
    const options = [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }];
    const questions = [{ id: 'pick', type: 'single_choice', prompt: 'Pick', options }];
    expect(issues(survey(questions, { translations: { sv: { questions: { pick: { prompt: 'Välj', options: { x: 'X', q: 'Q' } }, gone: { prompt: 'p' } } } } }))).toEqual([
      'translations.sv.questions.pick.options.q: no option "q" in question "pick"',
      'translations.sv.questions.gone: no question "gone" in this survey',
    ]);
  });
});
