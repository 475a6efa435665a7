import type { Display } from '@closeloop/sdk/schemas';
import type { Mounted } from '../mount.js';
import { createSheet } from '../mount.js';
import { pageColorScheme } from './page-color-scheme.js';
import { themeCss } from './theme-css.js';

/** Each shadow root's theme sheet, reused across showings so a long-lived host never piles up sheets. */
const themeSheets = new WeakMap<ShadowRoot, CSSStyleSheet>();

/**
 * Applies a survey's look to the mounted widget: its theme as a second adopted sheet, and its colour scheme as
 * `data-scheme` on the host. `auto` takes the scheme the host page declares for itself (a light-only shop gets a
 * light survey on a dark system), and leaves it to `prefers-color-scheme` when the page declares none or both.
 */
export function applyDisplay({ host, root }: Mounted, display: Pick<Display, 'colorScheme' | 'theme'> | undefined): void {
  const css = themeCss(display?.theme);
  let sheet = themeSheets.get(root);
  if (!sheet) {
    sheet = createSheet(host.ownerDocument, css);
    themeSheets.set(root, sheet);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else sheet.replaceSync(css);
  const fixed = display?.colorScheme;
  const scheme = fixed === 'light' || fixed === 'dark' ? fixed : pageColorScheme(host.ownerDocument);
  if (scheme) host.setAttribute('data-scheme', scheme);
  else host.removeAttribute('data-scheme');
}
