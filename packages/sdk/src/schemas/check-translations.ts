import type { z } from 'zod';
import type { Question } from './question.js';
import type { Translations } from './translations.js';

/** Checks that translations name only this survey's questions and options: a typo would silently show nothing. */
export function checkTranslations(questions: readonly Question[], translations: Translations, ctx: z.RefinementCtx): void {
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const [locale, texts] of Object.entries(translations)) {
    for (const [id, questionTexts] of Object.entries(texts.questions ?? {})) {
      const path = ['translations', locale, 'questions', id];
      const question = byId.get(id);
      if (!question) {
        ctx.addIssue({ code: 'custom', path, message: `no question "${id}" in this survey` });
        continue;
      }
      const options = 'options' in question ? new Set(question.options.map((o) => o.id)) : new Set<string>();
      for (const option of Object.keys(questionTexts.options ?? {}))
        if (!options.has(option)) ctx.addIssue({ code: 'custom', path: [...path, 'options', option], message: `no option "${option}" in question "${id}"` });
    }
  }
}
