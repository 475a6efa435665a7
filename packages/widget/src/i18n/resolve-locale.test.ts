import { resolveLocale } from './resolve-locale.js';

const survey = (extra: Parameters<typeof resolveLocale>[0] = {}) => extra;

describe('resolveLocale: the survey’s language from the page’s wanted languages', () => {
  it('takes the first wanted language it has words for: built-in or the survey’s translation', () => {
    expect(resolveLocale(survey(), ['sv-SE'])).toBe('sv-SE');
    expect(resolveLocale(survey(), ['ja', 'nl'])).toBe('nl');
    expect(resolveLocale(survey({ translations: { 'pt-BR': {} } }), ['pt', 'nl'])).toBe('pt');
  });

  it('is English when it has words for none of them', () => {
    expect(resolveLocale(survey(), ['ja'])).toBe('en');
    expect(resolveLocale(survey(), [])).toBe('en');
  });

  it('lets a survey that fixes its language with display.locale keep it, whatever the page wants', () => {
    expect(resolveLocale(survey({ display: { placement: 'bottom-right', colorScheme: 'auto', theme: {}, locale: 'ar' } }), ['sv'])).toBe('ar');
  });
});
