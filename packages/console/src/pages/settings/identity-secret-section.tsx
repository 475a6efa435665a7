import { useSignal } from '@preact/signals';
import type { IdentitySecretRotated } from '@closeloop/sdk/schemas';
import { useServices } from '../../services.js';
import { Button } from '../../ui/button.js';
import { useAction } from '../../ui/use-action.js';
import { ShownOnce } from './shown-once.js';

/** A new identity secret, with what rotating it does said before and after. */
export function IdentitySecretSection() {
  const { api } = useServices();
  const rotated = useSignal<IdentitySecretRotated | null>(null);
  const rotate = useAction();

  async function run() {
    if (!confirm('Rotate the identity secret? Signatures made with the old one stop verifying at once, until your backend signs with the new one.')) return;
    await rotate.run(async () => {
      rotated.value = await api.project.rotateIdentitySecret();
    });
  }

  return (
    <section class="card settings-section" id="identity" aria-labelledby="identity-title">
      <h2 id="identity-title">Identity secret</h2>
      <p>
        Your backend signs each signed-in customer's id with this secret (<code>signIdentity</code> from <code>@closeloop/sdk/node</code>), so answers are
        linked to the right customer and only they read the messages you send them.
      </p>
      <p class="muted">
        Rotate it when it may have leaked. From that moment only signatures made with the new secret verify: until your backend uses it, customers' answers are
        stored as unverified and they see no messages.
      </p>
      {rotated.value && (
        <ShownOnce
          label="New identity secret"
          secret={rotated.value.identitySecret}
          hint="Put it in your backend's settings now (e.g. CLOSELOOP_IDENTITY_SECRET); it cannot be read back."
          onDone={() => (rotated.value = null)}
        />
      )}
      {rotate.error.value && (
        <p class="form-error" role="alert">
          {rotate.error.value}
        </p>
      )}
      <Button variant="danger" busy={rotate.busy.value} onClick={() => void run()}>
        Rotate identity secret
      </Button>
    </section>
  );
}
