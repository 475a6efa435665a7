import { useSignal } from '@preact/signals';
import { CommentWaitSeconds } from '@closeloop/sdk/schemas';
import type { TargetedSubmitEvent } from 'preact';
import { useServices } from '../../services.js';
import { Button } from '../../ui/button.js';
import { Field } from '../../ui/field.js';
import { useAction } from '../../ui/use-action.js';
import { schemaErrors } from './form-errors.js';
import type { FieldErrors } from './form-errors.js';
import type { ProjectSettingsModel } from './use-project-settings.js';

/**
 * How long the webhooks, Slack and staff mail of a case opened by a score wait for the customer's comment: a team
 * that wants every low score told of the second it lands sets 0, one whose customers write long sets more.
 */
export function CommentWaitSection({ model }: { model: ProjectSettingsModel }) {
  const { toasts } = useServices();
  // Rendered once the settings are loaded (see SettingsPage), so the field starts from what is stored.
  const seconds = useSignal(String(model.settings.value?.commentWaitSeconds ?? ''));
  const errors = useSignal<FieldErrors>({});
  const save = useAction();

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = seconds.value.trim();
    const checked = schemaErrors(CommentWaitSeconds, text === '' ? undefined : Number(text), 'commentWaitSeconds');
    errors.value = checked.errors ?? {};
    if (checked.data === null) return;
    const commentWaitSeconds = checked.data;
    if (await save.run(() => model.save({ commentWaitSeconds })))
      toasts.show('success', commentWaitSeconds === 0 ? 'New cases are told of at once.' : `New cases are told of with the comment, or ${commentWaitSeconds} s after the score.`);
  }

  return (
    <section class="card settings-section" id="comment-wait" aria-labelledby="comment-wait-title">
      <h2 id="comment-wait-title">When new cases are told of</h2>
      <p class="muted">
        The widget sends a score the moment it is given, and its case opens at once in the inbox. Webhooks, Slack and the staff mail wait for the comment the
        customer is still writing, and for how they may be contacted when the survey asks, and go out as soon as these come, or when this wait is up. 0
        tells of every case at once; a comment or contact that comes after a case was told of is sent on its own (Slack, and the webhooks subscribed to
        “Late comment or contact”).
      </p>
      <form class="inline-form" onSubmit={submit} noValidate aria-label="Wait for the comment">
        <Field label="Wait for the comment (seconds)" error={errors.value['commentWaitSeconds'] ?? save.issueAt('commentWaitSeconds')} hint="0 to 600; 60 unless set.">
          {(control) => (
            <input {...control} name="commentWaitSeconds" type="number" inputMode="numeric" min={0} max={600} step={1} value={seconds.value} onInput={(e) => (seconds.value = e.currentTarget.value)} />
          )}
        </Field>
        <Button type="submit" busy={save.busy.value}>
          Save the wait
        </Button>
      </form>
      {save.error.value && !save.issueAt('commentWaitSeconds') && (
        <p class="form-error" role="alert">
          {save.error.value}
        </p>
      )}
    </section>
  );
}
