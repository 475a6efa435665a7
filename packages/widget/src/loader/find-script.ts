/**
 * The `<script>` that loaded closeloop.js. `document.currentScript` is set while a classic script runs (async
 * included); the attribute lookup covers the rest (a loader that injects the code, a bundler's wrapper). The
 * current script of an SVG document would be an SVG `<script>`, which never loads closeloop.js: no check for it
 * (closeloop.js is paid for on every page, so it carries no branch for what cannot happen).
 */
export function findOwnScript(doc: Document): HTMLScriptElement | null {
  return (doc.currentScript as HTMLScriptElement | null) ?? doc.querySelector<HTMLScriptElement>('script[data-project]');
}
