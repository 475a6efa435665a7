import type { Theme } from '@closeloop/sdk/schemas';

/** Relative luminance of a #rgb/#rrggbb colour (WCAG 2). */
function luminance(hex: string): number {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d) : [hex.slice(1, 3), hex.slice(3, 5), hex.slice(5, 7)];
  const [r, g, b] = digits.map((d) => {
    const c = parseInt(d, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Text colour for the accent: white or near-black, whichever contrasts more. One of the two always reaches
 * 4.5:1, so a survey's accent can never make its buttons unreadable.
 */
export function accentText(accent: string): string {
  const l = luminance(accent);
  return 1.05 / (l + 0.05) >= (l + 0.05) / (luminance('#111827') + 0.05) ? '#ffffff' : '#111827';
}

/**
 * The survey's theme as `:host` custom properties, in a sheet adopted after the base one so it wins over the
 * defaults in light and dark, yet loses to the host page's own `closeloop-widget { --cl-… }` rules: outer rules
 * beat `:host` rules in the cascade, so the page keeps the last word. The contract only lets plain values in.
 */
export function themeCss({ accent, radius, font }: Theme = {}): string {
  const declarations = [
    accent && `--cl-accent:${accent};--cl-accent-text:${accentText(accent)}`,
    radius !== undefined && `--cl-radius:${radius}px`,
    font && `--cl-font:${font}`,
  ].filter(Boolean);
  return declarations.length ? `:host{${declarations.join(';')}}` : '';
}
