/**
 * The `<script>` that loaded closeloop.js. `document.currentScript` is set while a classic script runs (async
 * included); the attribute lookup covers the rest (a loader that injects the code, a bundler's wrapper).
 */
export function findOwnScript(doc: Document): HTMLScriptElement | null {
  const current = doc.currentScript;
  if (current instanceof (doc.defaultView?.HTMLScriptElement ?? HTMLScriptElement)) return current;
  return doc.querySelector<HTMLScriptElement>('script[data-project]');
}
