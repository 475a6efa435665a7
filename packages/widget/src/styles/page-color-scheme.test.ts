import { pageColorScheme } from './page-color-scheme.js';

afterEach(() => {
  document.head.replaceChildren();
  document.documentElement.removeAttribute('style');
});

function meta(content: string) {
  const tag = document.createElement('meta');
  tag.name = 'color-scheme';
  tag.content = content;
  document.head.append(tag);
}

describe('pageColorScheme: the one scheme a host page declares', () => {
  it('reads the root’s CSS color-scheme, which wins over the meta tag as in the browser', () => {
    meta('dark');
    document.documentElement.style.setProperty('color-scheme', 'light');
    expect(pageColorScheme(document)).toBe('light');
  });

  it('reads the meta tag when the CSS says nothing', () => {
    meta('only light');
    expect(pageColorScheme(document)).toBe('light');
  });

  it('declares nothing for both schemes, none, or a word it does not know', () => {
    meta('light dark');
    expect(pageColorScheme(document)).toBeUndefined();
    document.head.replaceChildren();
    expect(pageColorScheme(document)).toBeUndefined();
    meta('sepia');
    expect(pageColorScheme(document)).toBeUndefined();
  });
});
