/**
 * The one colour scheme the host page declares for itself: its root's CSS `color-scheme` (`:root { color-scheme:
 * light }`), else its `<meta name="color-scheme">`, the order in which browsers apply them. `undefined` when it
 * declares none, or both (`light dark`): then the widget follows the system's `prefers-color-scheme`. Read in the
 * lazily loaded chunks when a survey or the form opens, so closeloop.js carries none of it.
 */
export function pageColorScheme(doc: Document): 'light' | 'dark' | undefined {
  const css = doc.defaultView?.getComputedStyle(doc.documentElement).colorScheme;
  const declared = css && css !== 'normal' ? css : doc.querySelector('meta[name="color-scheme"]')?.getAttribute('content');
  const keywords = declared?.toLowerCase().split(/[\s,]+/) ?? [];
  const light = keywords.includes('light');
  if (light === keywords.includes('dark')) return undefined;
  return light ? 'light' : 'dark';
}
