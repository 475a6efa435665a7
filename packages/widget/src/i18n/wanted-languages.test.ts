import { wantedLanguages } from './wanted-languages.js';

function scriptTag(locale: string) {
  const script = document.createElement('script');
  script.setAttribute('data-project', 'pk_demo');
  script.setAttribute('data-locale', locale);
  document.head.append(script);
}

beforeEach(() => {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-DE', 'fr']);
});

afterEach(() => {
  document.head.replaceChildren();
  document.documentElement.removeAttribute('lang');
  vi.restoreAllMocks();
});

describe('wantedLanguages: one order for the survey and the feedback form', () => {
  it('takes the script tag’s data-locale first, over identify, the page’s lang and the browser', () => {
    scriptTag('sv');
    document.documentElement.lang = 'nl';
    expect(wantedLanguages(document, undefined, { locale: 'pl' })).toEqual(['sv']);
  });

  it('the npm `locale` option stands where data-locale does', () => {
    document.documentElement.lang = 'nl';
    expect(wantedLanguages(document, 'nb', { locale: 'pl' })).toEqual(['nb']);
  });

  it('then the locale and language given to identify, over the page’s lang', () => {
    document.documentElement.lang = 'nl';
    expect(wantedLanguages(document, undefined, { locale: 'pl-PL', language: 'pl', plan: 'pro' })).toEqual(['pl-PL', 'pl']);
    expect(wantedLanguages(document, undefined, { language: 'es' })).toEqual(['es']);
  });

  it('then the page’s <html lang>, over the browser', () => {
    document.documentElement.lang = 'sv';
    expect(wantedLanguages(document, undefined, { plan: 'pro' })).toEqual(['sv']);
  });

  it('then the browser’s languages, in its order', () => {
    expect(wantedLanguages(document, undefined, undefined)).toEqual(['de-DE', 'fr']);
  });

  it('passes over a source that names no well-formed tag', () => {
    scriptTag('Swedish please');
    document.documentElement.lang = '';
    expect(wantedLanguages(document, undefined, { locale: 42 })).toEqual(['de-DE', 'fr']);
  });
});
