import { useSignal } from '@preact/signals';
import { Button } from '../../ui/button.js';

interface ShownOnceProps {
  /** What it is: "Secret key for Billing backend". */
  label: string;
  secret: string;
  /** What to do with it, and what happens when it is lost. */
  hint: string;
  onDone: () => void;
}

/**
 * A secret the server shows one time (a new key, a webhook's signing secret, a new identity secret): selectable,
 * with a copy button, and a plain warning that it will not be shown again.
 */
export function ShownOnce({ label, secret, hint, onDone }: ShownOnceProps) {
  const copied = useSignal<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      copied.value = 'copied';
    } catch {
      // No clipboard (insecure origin, permission refused): the text stays selectable.
      copied.value = 'failed';
    }
  }
  return (
    <div class="shown-once" role="status">
      <p>
        <strong>{label}</strong> — shown only this once. {hint}
      </p>
      <code class="secret" tabIndex={0}>
        {secret}
      </code>
      <div class="row">
        <Button onClick={() => void copy()}>Copy</Button>
        <Button variant="primary" onClick={onDone}>
          I have stored it
        </Button>
        {copied.value === 'copied' && <span class="muted">Copied.</span>}
        {copied.value === 'failed' && <span class="muted">Copying is not allowed here: select the text and copy it.</span>}
      </div>
    </div>
  );
}
