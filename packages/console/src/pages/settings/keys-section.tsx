import { useSignal } from '@preact/signals';
import { NewSecretKey } from '@closeloop/sdk/schemas';
import type { SecretKey, SecretKeyCreated } from '@closeloop/sdk/schemas';
import type { TargetedSubmitEvent } from 'preact';
import { useServices } from '../../services.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/button.js';
import { ErrorMessage } from '../../ui/error-message.js';
import { Field } from '../../ui/field.js';
import { Table } from '../../ui/table.js';
import { useAction } from '../../ui/use-action.js';
import { schemaErrors } from './form-errors.js';
import type { FieldErrors } from './form-errors.js';
import { ShownOnce } from './shown-once.js';
import { useLoaded } from './use-loaded.js';
import { when } from './when.js';

/** Secret keys: one per backend or integration, created with the secret shown once, revoked one at a time. */
export function KeysSection() {
  const { api, toasts } = useServices();
  const keys = useLoaded(() => api.keys.list());
  const label = useSignal('');
  const errors = useSignal<FieldErrors>({});
  const created = useSignal<SecretKeyCreated | null>(null);
  const create = useAction();
  const revoke = useAction();

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = schemaErrors(NewSecretKey, { label: label.value });
    errors.value = checked.errors ?? {};
    if (checked.data === null) return;
    const input = checked.data;
    await create.run(async () => {
      created.value = await api.keys.create(input.label);
      label.value = '';
      await keys.reload();
    });
  }

  async function revokeKey(key: SecretKey) {
    if (!confirm(`Revoke "${key.label}" (${key.prefix}…)? Whatever uses it gets 401 from its next request on.`)) return;
    const done = await revoke.run(() => api.keys.revoke(key.id));
    if (done) {
      toasts.show('success', `Key "${key.label}" revoked.`);
      await keys.reload();
    }
  }

  return (
    <section class="card settings-section" id="keys" aria-labelledby="keys-title">
      <h2 id="keys-title">Secret keys</h2>
      <p class="muted">
        Your backend calls the management API with one of these (<code>Authorization: Bearer sk_…</code>). Give each backend its own, so one can be revoked
        without breaking the others.
      </p>
      {created.value && (
        <ShownOnce
          label={`Secret key "${created.value.label}"`}
          secret={created.value.secret}
          hint="Store it in your backend's secrets now; if it is lost, create a new key and revoke this one."
          onDone={() => (created.value = null)}
        />
      )}
      {keys.error.value && <ErrorMessage message={keys.error.value} onRetry={() => void keys.reload()} />}
      {keys.data.value && (
        <Table
          caption="Secret keys"
          captionHidden
          rows={keys.data.value}
          rowKey={(key) => key.id}
          columns={[
            { label: 'Label', cell: (key) => key.label },
            { label: 'Key', cell: (key) => <code>{key.prefix}…</code> },
            { label: 'Created', cell: (key) => when(key.createdAt) },
            { label: 'Last used', cell: (key) => (key.lastUsedAt ? when(key.lastUsedAt) : 'Never') },
            {
              label: 'State',
              cell: (key) =>
                key.revokedAt ? (
                  <Badge tone="danger">Revoked {when(key.revokedAt)}</Badge>
                ) : (
                  <Button variant="danger" busy={revoke.busy.value} onClick={() => void revokeKey(key)} aria-label={`Revoke ${key.label}`}>
                    Revoke
                  </Button>
                ),
            },
          ]}
        />
      )}
      {revoke.error.value && (
        <p class="form-error" role="alert">
          {revoke.error.value}
        </p>
      )}
      <form class="inline-form" onSubmit={submit} noValidate aria-label="Create a secret key">
        <Field label="New key's label" error={errors.value['label'] ?? create.issueAt('label')} hint="Where it will live, e.g. Billing backend.">
          {(control) => <input {...control} name="label" value={label.value} onInput={(e) => (label.value = e.currentTarget.value)} />}
        </Field>
        <Button type="submit" variant="primary" busy={create.busy.value}>
          Create key
        </Button>
      </form>
      {create.error.value && !create.issueAt('label') && (
        <p class="form-error" role="alert">
          {create.error.value}
        </p>
      )}
    </section>
  );
}
