// What the survey UI and the feedback form share about language tags; free of any strings, so importing it pulls
// no language chunk into either build.

/** `sv-SE` → `sv`. */
export const baseLanguage = (tag: string) => tag.split('-')[0]!.toLowerCase();

/** Languages read in another's words: Norwegian `no` and Nynorsk `nn` read Bokmål. */
const READ_AS: Record<string, string> = { no: 'nb', nn: 'nb' };

/** The key of `tag`'s words in a table of languages: its base language, or the one it is read as. */
export const wordsKey = (tag: string) => READ_AS[baseLanguage(tag)] ?? baseLanguage(tag);

const TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** A well-formed BCP 47-ish tag (`sv`, `pt-BR`): anything else from an attribute or the browser is ignored. */
export const isLanguageTag = (value: unknown): value is string => typeof value === 'string' && TAG.test(value);

/** Languages written right to left; what is shown in them lays out mirrored. */
const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'ckb', 'dv']);

export const isRtl = (tag: string) => RTL.has(baseLanguage(tag));
