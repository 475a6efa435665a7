import { useSignal } from '@preact/signals';
import { ProjectProfilePatch } from '@closeloop/sdk/schemas';
import type { ProjectProfile } from '@closeloop/sdk/schemas';
import type { TargetedSubmitEvent } from 'preact';
import { useServices } from '../../services.js';
import { Button } from '../../ui/button.js';
import { ErrorMessage } from '../../ui/error-message.js';
import { Field } from '../../ui/field.js';
import { useAction } from '../../ui/use-action.js';
import { schemaErrors } from './form-errors.js';
import type { FieldErrors } from './form-errors.js';
import { useLoaded } from './use-loaded.js';

/** The script tag a shop pastes into its pages: the widget from this server, with the project's public key. */
export function scriptTag(origin: string, publicKey: string): string {
  return `<script async src="${origin}/closeloop.js" data-project="${publicKey}"></script>`;
}

/** Origins as typed, one per line; blank lines dropped. */
function originLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The project's name, its public key and script tag, and the page origins its widget may run on. */
export function InstallSection() {
  const { api } = useServices();
  const profile = useLoaded(() => api.project.get());
  const p = profile.data.value;
  return (
    <section class="card settings-section" id="install" aria-labelledby="install-title">
      <h2 id="install-title">Project and install</h2>
      {profile.error.value && <ErrorMessage message={profile.error.value} onRetry={() => void profile.reload()} />}
      {p && <ProfileForm profile={p} onSaved={(saved) => (profile.data.value = saved)} />}
    </section>
  );
}

/** The form, started from the loaded profile. */
function ProfileForm({ profile: p, onSaved }: { profile: ProjectProfile; onSaved: (saved: ProjectProfile) => void }) {
  const { api, toasts } = useServices();
  const name = useSignal(p.name);
  const origins = useSignal(p.allowedOrigins.join('\n'));
  const errors = useSignal<FieldErrors>({});
  const save = useAction();

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = schemaErrors(ProjectProfilePatch, { name: name.value, allowedOrigins: originLines(origins.value) });
    errors.value = checked.errors ?? {};
    if (checked.data === null) return;
    const patch = checked.data;
    const saved = await save.run(async () => onSaved(await api.project.patch(patch)));
    if (saved) toasts.show('success', 'Project saved: the widget runs on the new origins from now on.');
  }

  /** An origin's error, on its line: the schema and the server name `allowedOrigins.<i>`, i counting non-blank lines. */
  function originsError(): string | undefined {
    const lines = originLines(origins.value);
    for (const [i, line] of lines.entries()) {
      const message = errors.value[`allowedOrigins.${i}`] ?? save.issueAt(`allowedOrigins.${i}`);
      if (message) return `${line}: ${message}`;
    }
    return errors.value['allowedOrigins'] ?? save.issueAt('allowedOrigins');
  }

  return (
        <>
          <dl class="facts">
            <div>
              <dt>Public key</dt>
              <dd>
                <code>{p.publicKey}</code>
              </dd>
            </div>
          </dl>
          <Field label="Script tag" hint="Paste it into every page, before </body>. The public key is safe in a page: it only reads the survey config and sends answers.">
            {(control) => <textarea {...control} class="code" readOnly rows={2} value={scriptTag(location.origin, p.publicKey)} />}
          </Field>
          <form onSubmit={submit} noValidate aria-label="Project name and allowed origins">
            <Field label="Project name" error={errors.value['name'] ?? save.issueAt('name')} hint="The sender name of the mail customers and staff get.">
              {(control) => <input {...control} name="name" value={name.value} onInput={(e) => (name.value = e.currentTarget.value)} />}
            </Field>
            <Field label="Allowed origins" error={originsError()} hint="One per line, e.g. https://shop.example (no path). Pages elsewhere cannot load surveys or send answers; * allows any page.">
              {(control) => <textarea {...control} name="allowedOrigins" class="code" rows={3} value={origins.value} onInput={(e) => (origins.value = e.currentTarget.value)} />}
            </Field>
            {save.error.value && (
              <p class="form-error" role="alert">
                {save.error.value}
              </p>
            )}
            <Button type="submit" variant="primary" busy={save.busy.value}>
              Save project
            </Button>
          </form>
        </>
  );
}
