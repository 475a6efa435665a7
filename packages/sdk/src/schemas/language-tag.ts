import { z } from 'zod';

/** A BCP 47 language tag as people write them (`sv`, `pt-BR`, `zh-Hant-TW`): the one shape every language field takes. */
export const LanguageTag = z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as sv or pt-BR');
