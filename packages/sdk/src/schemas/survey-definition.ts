import { z } from 'zod';
import { Slug } from './ids.js';
import { checkLogic } from './check-logic.js';
import { checkTranslations } from './check-translations.js';
import { Display } from './display.js';
import { Frequency } from './frequency.js';
import { LanguageTag } from './language-tag.js';
import { Question } from './question.js';
import { QUESTIONS_MAX } from './submission-limits.js';
import { RoutingRule } from './routing.js';
import { Translations } from './translations.js';
import { Targeting } from './targeting.js';
import { Trigger } from './trigger.js';

/** One condition of a follow-up rule: the answer to `question` compared with `value`. */
export const FollowUpCondition = z.object({
  question: Slug,
  op: z.enum(['lte', 'gte']),
  value: z.number(),
});
export type FollowUpCondition = z.infer<typeof FollowUpCondition>;

/**
 * When an answer opens a follow-up case. Without `conditions` the defaults for the survey's question types apply
 * (NPS ≤ 6); with them, any matching condition opens a case. `routing` sends the case to a team or member (the
 * first rule that holds; none: unassigned), and `dueIn` sets when it is due, in hours after it opened (default
 * 48), counted in the project's business hours when it has them.
 */
export const FollowUpRule = z.object({
  enabled: z.boolean().default(true),
  conditions: z.array(FollowUpCondition).max(20).optional(),
  routing: z.array(RoutingRule).max(50).optional(),
  dueIn: z.number().positive('must be more than 0 hours').max(24 * 366, 'must be at most a year (8784 hours)').optional(),
});
export type FollowUpRule = z.infer<typeof FollowUpRule>;

export const ThankYou = z.object({
  title: z.string().min(1).max(200).default('Thank you!'),
  body: z.string().max(1000).optional(),
});

export const SurveyDefinition = z
  .object({
    id: Slug,
    name: z.string().trim().min(1).max(200),
    active: z.boolean().default(true),
    questions: z.array(Question).min(1).max(QUESTIONS_MAX),
    /** Any one trigger shows the survey; none means it shows only through `show(id)`. */
    triggers: z.array(Trigger).max(20).default([]),
    /** Who may see it (all visitors when absent). */
    targeting: Targeting.optional(),
    /** How often it may show to one visitor (`until-answered` when absent). */
    frequency: Frequency.optional(),
    thankYou: ThankYou.default({ title: 'Thank you!' }),
    followUp: FollowUpRule.default({ enabled: true }),
    display: Display.optional(),
    /**
     * The language the survey's own texts (prompts, labels, options, thank-you) are written in; `translations`
     * hold the others. The widget marks every text shown with the language it is in, so an untranslated prompt
     * is read (and laid out) as what it is. Unset: the `display.locale` of a survey that fixes one and has no
     * translation for it (a survey written for one market, as before this field), else English.
     */
    language: LanguageTag.optional(),
    translations: Translations.optional(),
  })
  .superRefine((survey, ctx) => {
    const seen = new Set<string>();
    survey.questions.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `duplicate question id "${q.id}"` });
      seen.add(q.id);
    });
    survey.followUp.conditions?.forEach((c, i) => {
      if (!seen.has(c.question))
        ctx.addIssue({ code: 'custom', path: ['followUp', 'conditions', i, 'question'], message: `no question "${c.question}" in this survey` });
    });
    survey.followUp.routing?.forEach((rule, i) => {
      const question = rule.if.answer?.question;
      if (question !== undefined && !seen.has(question))
        ctx.addIssue({ code: 'custom', path: ['followUp', 'routing', i, 'if', 'answer', 'question'], message: `no question "${question}" in this survey` });
    });
    checkLogic(survey.questions, ctx);
    checkTranslations(survey.questions, survey.translations ?? {}, ctx);
  });
export type SurveyDefinition = z.infer<typeof SurveyDefinition>;
export type SurveyDefinitionInput = z.input<typeof SurveyDefinition>;
