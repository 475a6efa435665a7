/**
 * The widget's colours and sizes, defined once: every surface (the survey, the feedback tab and its form, the
 * message panel) declares its `:host { --cl-… }` custom properties from these, so they look alike and a host page
 * themes them all the same way (`closeloop-widget, closeloop-feedback, closeloop-messages { --cl-accent: … }`).
 * The build runs the stylesheet modules (scripts/build.mjs), so a page downloads the declarations, not this file.
 *
 * - Control borders (`border`) keep 3:1 against the background (WCAG 1.4.11); the card's `edge` is decoration.
 * - Keyboard focus has a colour of its own (`focus`) so it never blends into the accent.
 * - `accent-text` reaches 4.5:1 on `accent`; a survey's own accent gets its text colour from `accentText`.
 */
export const LIGHT = {
  accent: '#4338ca',
  'accent-text': '#ffffff',
  bg: '#ffffff',
  text: '#111827',
  muted: '#4b5563',
  border: '#868e99',
  edge: '#e5e7eb',
  surface: '#f3f4f6',
  focus: '#2563eb',
  radius: '14px',
  font: 'system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif',
  z: '2147483000',
  width: '380px',
  star: '#b45309',
  fault: '#b91c1c',
} as const;

/** A token's name: `accent` is the custom property `--cl-accent`. */
export type Token = keyof typeof LIGHT;

/** The tokens a dark scheme changes; the others (sizes, the font) hold in both. */
export const DARK: Readonly<Partial<Record<Token, string>>> = {
  accent: '#a5b4fc',
  'accent-text': '#111827',
  bg: '#1f2937',
  text: '#f9fafb',
  muted: '#d1d5db',
  border: '#7b8494',
  edge: '#374151',
  surface: '#374151',
  focus: '#93c5fd',
  star: '#fbbf24',
  fault: '#fca5a5',
};

/**
 * The feedback tab's tokens, in closeloop.js; the form's sheet, adopted beside the tab's, fixes a colour scheme
 * for these too. (Here, not in tab-css.ts: a stylesheet module exports its CSS text only, so the build can bake it.)
 */
export const TAB_TOKENS: readonly Token[] = ['accent', 'accent-text', 'focus', 'font', 'z'];

/** Every token, for the survey, which draws with all of them. */
export const ALL_TOKENS = Object.keys(LIGHT) as Token[];

/**
 * The tokens a surface draws with, as declarations for its `:host` rules: `light` declares each
 * (`--cl-accent:#4338ca;…`), `dark` those of them a dark scheme changes.
 */
export function declarations(names: readonly Token[]): { light: string; dark: string } {
  const declare = (values: Readonly<Partial<Record<Token, string>>>) =>
    names.flatMap((name) => (values[name] === undefined ? [] : [`--cl-${name}:${values[name]}`])).join(';');
  return { light: declare(LIGHT), dark: declare(DARK) };
}
