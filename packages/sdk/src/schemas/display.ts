import { z } from 'zod';
import { LanguageTag } from './language-tag.js';

/**
 * How a survey looks and where it shows. Theme values become CSS custom properties on the widget's host
 * (`--cl-accent`, `--cl-radius`, `--cl-font`), which a host page's own `closeloop-widget { … }` rule still overrides,
 * so they are checked here to be plain values that cannot break out of a declaration.
 */
export const Theme = z.object({
  accent: z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'must be a hex colour such as #0f766e').optional(),
  /** Corner radius of the card in px; fields and buttons follow. */
  radius: z.number().min(0).max(32).optional(),
  font: z
    .string()
    .max(200)
    .regex(/^[\w\s,"'-]+$/, 'must be a font-family list such as "Inter", system-ui, sans-serif')
    .optional(),
});
export type Theme = z.infer<typeof Theme>;

export const Display = z.object({
  /**
   * `bottom-right`/`bottom-left`: a card sliding in at that corner, the page usable behind it. `modal`: centred over
   * a dimmed page, focus kept inside. `inline`: inside the page's `[data-closeloop-inline]` element (a bottom-right
   * card when the page has none).
   */
  placement: z.enum(['bottom-right', 'bottom-left', 'modal', 'inline']).default('bottom-right'),
  /** `auto` follows the host page's declared `color-scheme` (meta or CSS), else the visitor's `prefers-color-scheme`. */
  colorScheme: z.enum(['auto', 'light', 'dark']).default('auto'),
  theme: Theme.default({}),
  /**
   * The language to show this survey in (a BCP 47 tag such as `sv` or `pt-BR`), whatever the page's: a survey for
   * one market. Unset, it is the page's: the script tag's `data-locale`, then the `locale` or `language` attribute
   * given to `identify`, then the page's `<html lang>`, then the browser's languages.
   */
  locale: LanguageTag.optional(),
});
export type Display = z.infer<typeof Display>;
