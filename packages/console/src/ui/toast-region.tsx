import type { Toasts } from './toasts.js';

/**
 * Where toasts appear: a polite live region that exists before any message does, so screen readers announce each
 * one; errors use role="alert" to be read at once.
 */
export function ToastRegion({ toasts }: { toasts: Toasts }) {
  return (
    <div class="toast-region" aria-live="polite">
      {toasts.list.value.map((toast) => (
        <div key={toast.id} class={`toast toast-${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
          <span>{toast.message}</span>
          <button type="button" class="toast-close" aria-label="Dismiss" onClick={() => toasts.dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
