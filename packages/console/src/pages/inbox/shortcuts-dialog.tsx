import { useEffect, useRef } from 'preact/hooks';

export const INBOX_SHORTCUTS: [key: string, what: string][] = [
  ['j', 'Next case'],
  ['k', 'Previous case'],
  ['Enter', 'Open the selected case'],
  ['a', 'Assign the selected case to me'],
  ['e', 'Resolve the selected case (opens the resolve form)'],
  ['?', 'Show these shortcuts'],
];

/** The list of keyboard shortcuts, in a modal dialog (Escape or the button closes it; focus goes back). */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} class="dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl class="shortcut-list">
        {INBOX_SHORTCUTS.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p class="dialog-hint">Shortcuts do nothing while you type in a field.</p>
      <form method="dialog">
        <button type="submit" class="button button-primary">
          Close
        </button>
      </form>
    </dialog>
  );
}
