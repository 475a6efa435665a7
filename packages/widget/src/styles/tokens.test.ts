import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formCss } from '../feedback/form-css.js';
import { tabCss } from '../feedback/tab-css.js';
import { messagesCss } from '../messages/messages-css.js';
import { DARK, LIGHT } from './tokens.js';
import type { Token } from './tokens.js';
import { widgetCss } from './widget-css.js';

/** The host's state a stylesheet's `:host` rules depend on: the OS scheme and a fixed `data-scheme`. */
interface HostState {
  osDark: boolean;
  scheme?: 'light' | 'dark';
}

/** Whether a `:host…` selector matches a host in `state`, and its specificity (`:host(x)` outranks `:host`). */
function hostMatch(selector: string, state: HostState): number | null {
  const fixed = /^:host\(\[data-scheme="?(light|dark)"?\]\)$/.exec(selector);
  if (fixed) return state.scheme === fixed[1] ? 2 : null;
  const notFixed = /^:host\(:not\(\[data-scheme="?(light|dark)"?\]\)\)$/.exec(selector);
  if (notFixed) return state.scheme !== notFixed[1] ? 2 : null;
  return selector === ':host' ? 1 : null;
}

/**
 * The value each `--cl-*` property has on the host of a shadow root that adopted `sheets`, in `state`: the
 * stylesheets parsed by the DOM (happy-dom), then the cascade of their `:host` rules, by specificity, then order.
 */
function resolvedTokens(sheets: readonly string[], state: HostState): Map<string, string> {
  const winners = new Map<string, { value: string; specificity: number }>();
  const apply = (rule: CSSRule) => {
    if (rule instanceof CSSMediaRule) {
      if (rule.conditionText.replace(/\s/g, '') === '(prefers-color-scheme:dark)' && state.osDark) [...rule.cssRules].forEach(apply);
      return;
    }
    if (!(rule instanceof CSSStyleRule)) return;
    const specificity = hostMatch(rule.selectorText.replace(/\s/g, ''), state);
    if (specificity === null) return;
    for (const name of [...Array(rule.style.length)].map((_, i) => rule.style.item(i)).filter((n) => n.startsWith('--cl-'))) {
      if ((winners.get(name)?.specificity ?? 0) <= specificity) winners.set(name, { value: rule.style.getPropertyValue(name).trim(), specificity });
    }
  };
  for (const css of sheets) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    [...sheet.cssRules].forEach(apply);
  }
  return new Map([...winners].map(([name, { value }]) => [name, value]));
}

/** The tokens a surface's rules draw with: each `var(--cl-…)`. */
const usedTokens = (sheets: readonly string[]) => [...new Set([...sheets.join('').matchAll(/var\(--cl-([\w-]+)/g)].map(([, name]) => name as Token))];

const STATES: { name: string; state: HostState; dark: boolean }[] = [
  { name: 'light system', state: { osDark: false }, dark: false },
  { name: 'dark system', state: { osDark: true }, dark: true },
  { name: 'fixed light on a dark system', state: { osDark: true, scheme: 'light' }, dark: false },
  { name: 'fixed dark on a light system', state: { osDark: false, scheme: 'dark' }, dark: true },
];

// Each surface with the sheets its shadow root holds: the feedback form's sheet is adopted beside the tab's.
const SURFACES: { name: string; sheets: string[]; states: typeof STATES }[] = [
  { name: 'the survey', sheets: [widgetCss], states: STATES },
  { name: 'the feedback tab, closed', sheets: [tabCss], states: STATES.filter(({ state }) => state.scheme === undefined) },
  { name: 'the feedback tab with its form open', sheets: [tabCss, formCss], states: STATES },
  { name: 'the message panel', sheets: [messagesCss], states: STATES },
];

describe.each(SURFACES)('$name', ({ sheets, states }) => {
  it.each(states)('defines every token it draws with, at the shared value, $name', ({ state, dark }) => {
    const resolved = resolvedTokens(sheets, state);
    const used = usedTokens(sheets);
    expect(used.length).toBeGreaterThan(2);
    for (const token of used) expect([token, resolved.get(`--cl-${token}`)]).toEqual([token, (dark && DARK[token]) || LIGHT[token]]);
  });

  it('draws every token value through its custom property, so a host page override of it reaches every rule', () => {
    const rules = sheets.map((css) => css.replace(/:host[^{]*\{[^}]*\}/g, '')).join('');
    const literals = [...Object.values(LIGHT), ...Object.values(DARK)].filter((value) => value.startsWith('#'));
    for (const value of literals) expect([value, rules.includes(value)]).toEqual([value, false]);
  });

  it('sizes in px only, so a page’s html font-size cannot reach in', () => {
    expect(sheets.join('')).not.toMatch(/\drem\b/);
  });
});

describe('the widget README’s theming table', () => {
  it('lists every token with its light and dark default', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `--cl-([\w-]+)` \|([^|]*)\|([^|]*)\|/gm)].map(([, name, light, dark]) => [name, light!.trim(), dark!.trim()]);
    const code = (value: string | undefined) => (value === undefined ? '' : `\`${value}\``);
    const expected = (Object.keys(LIGHT) as Token[]).map((name) => [name, name === 'font' ? 'the system UI font' : code(LIGHT[name]), code(DARK[name])]);
    expect(rows.sort()).toEqual(expected.sort());
  });
});
