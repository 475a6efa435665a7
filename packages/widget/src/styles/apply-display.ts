import type { Display } from '@closeloop/sdk/schemas';
import type { Mounted } from '../mount.js';
import { createSheet } from '../mount.js';
import { themeCss } from './theme-css.js';

/** Each shadow root's theme sheet, reused across showings so a long-lived host never piles up sheets. */
const themeSheets = new WeakMap<ShadowRoot, CSSStyleSheet>();

/**
 * Applies a survey's look to the mounted widget: its theme as a second adopted sheet, and a fixed colour scheme
 * as `data-scheme` on the host (`auto` leaves it to `prefers-color-scheme`).
 */
export function applyDisplay({ host, root }: Mounted, display: Pick<Display, 'colorScheme' | 'theme'> | undefined): void {
  const css = themeCss(display?.theme);
  let sheet = themeSheets.get(root);
  if (!sheet) {
    sheet = createSheet(host.ownerDocument, css);
    themeSheets.set(root, sheet);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else sheet.replaceSync(css);
  const scheme = display?.colorScheme;
  if (scheme === 'light' || scheme === 'dark') host.setAttribute('data-scheme', scheme);
  else host.removeAttribute('data-scheme');
}
