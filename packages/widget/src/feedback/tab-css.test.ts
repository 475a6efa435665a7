import { describe, expect, it } from 'vitest';
import { widgetCss } from '../styles/widget-css.js';
import { messagesCss } from '../messages/messages-css.js';
import { formCss } from './form-css.js';
import { tabCss } from './tab-css.js';

/** `--cl-*` values declared in the first `:host { … }` block of `css` that comes after `after` (or the start). */
function hostVariables(css: string, after = ''): Map<string, string> {
  const from = after ? css.indexOf(after) : 0;
  const block = /:host[^{]*\{([^}]*)\}/.exec(css.slice(from))?.[1] ?? '';
  return new Map([...block.matchAll(/(--cl-[\w-]+)\s*:\s*([^;]+)/g)].map(([, name, value]) => [name!, value!.trim().replace(/\s+/g, '')]));
}

describe('the feedback button’s theme', () => {
  it('uses the survey’s default theme values, light and dark, for every variable both declare', () => {
    for (const after of ['', 'prefers-color-scheme']) {
      const survey = hostVariables(widgetCss, after);
      const feedback = new Map([...hostVariables(tabCss, after), ...hostVariables(formCss, after)]);
      const shared = [...feedback.keys()].filter((name) => survey.has(name));
      expect(shared.length).toBeGreaterThan(after ? 5 : 10);
      for (const name of shared) expect([name, feedback.get(name)]).toEqual([name, survey.get(name)]);
    }
  });

  it('sizes in px only, so a page’s html font-size cannot reach in', () => {
    expect(tabCss + formCss + messagesCss).not.toMatch(/\drem\b/);
  });
});

describe('the message panel’s theme', () => {
  it('uses the survey’s default theme values, light and dark, for every variable it declares', () => {
    for (const after of ['', 'prefers-color-scheme']) {
      const survey = hostVariables(widgetCss, after);
      const panel = hostVariables(messagesCss, after);
      expect(panel.size).toBeGreaterThan(after ? 6 : 10);
      for (const [name, value] of panel) expect([name, value]).toEqual([name, survey.get(name)]);
    }
  });
});
