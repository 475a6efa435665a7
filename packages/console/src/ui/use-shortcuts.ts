import { useEffect, useRef } from 'preact/hooks';

export type ShortcutHandlers = Record<string, (event: KeyboardEvent) => void>;

/** Whether a key press is someone typing: in a field, an editable element or a select, where letters are text. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return false;
}

/**
 * Single-key shortcuts on the page (`j`, `k`, `?`), keyed by `KeyboardEvent.key`. Ignored while typing in a field,
 * with a modifier held (the browser's own shortcuts), or while a modal dialog is open. The listener is removed for
 * real on unmount (one AbortController), and always calls the latest handlers.
 */
export function useShortcuts(handlers: ShortcutHandlers) {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const controller = new AbortController();
    document.addEventListener(
      'keydown',
      (event) => {
        if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
        // Enter on a link or a button is that control's own: it follows the link, it presses the button.
        if (event.key === 'Enter' && event.target instanceof Element && event.target.closest('a, button, summary, [role="button"]')) return;
        if (document.querySelector('dialog[open]')) return;
        const handler = latest.current[event.key];
        if (!handler) return;
        event.preventDefault();
        handler(event);
      },
      { signal: controller.signal },
    );
    return () => controller.abort();
  }, []);
}
