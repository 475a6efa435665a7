import { useSignal } from '@preact/signals';
import { CloseLoopRequest } from '@closeloop/sdk/schemas';
import type { CaseDetail, MessageChannel } from '@closeloop/sdk/schemas';
import type { TargetedSubmitEvent } from 'preact';
import { caseComment } from '../../cases/case-words.js';
import { useServices } from '../../services.js';
import { Button } from '../../ui/button.js';
import { Field } from '../../ui/field.js';
import { useAction } from '../../ui/use-action.js';
import type { CaseModel } from './case-model.js';
import { customerReach } from './customer-reach.js';
import { MessagePreview } from './message-preview.js';

const CHANNEL_WORDS: Record<MessageChannel, string> = { email: 'Email', widget: 'In the widget' };

/** "Close the loop": tells the customer of a resolved case what was done, with a preview of what they will see. */
export function CloseLoopForm({ detail, model }: { detail: CaseDetail; model: CaseModel }) {
  const { api, session, toasts } = useServices();
  const reach = customerReach(detail);
  const message = useSignal('');
  const channels = useSignal<MessageChannel[]>((['email', 'widget'] as const).filter((channel) => reach[channel] !== null));
  const errors = useSignal<Record<string, string | undefined>>({});
  const action = useAction();
  const followUp = detail.case;
  const projectName = session.session.value?.project.name ?? 'your shop';
  const name = detail.customer.respondent.attributes?.['name'];

  function toggle(channel: MessageChannel, on: boolean) {
    channels.value = on ? [...channels.value.filter((c) => c !== channel), channel] : channels.value.filter((c) => c !== channel);
  }

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = CloseLoopRequest.safeParse({ message: message.value, channels: channels.value });
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[String(issue.path[0] ?? 'message')] ??= issue.message;
      errors.value = found;
      return;
    }
    errors.value = {};
    const sent = await action.run(() => model.change((version) => api.followUps.closeLoop(followUp.id, { ...parsed.data, version })));
    if (sent) {
      message.value = '';
      toasts.show('success', 'Loop closed: the customer is told.');
    }
  }

  const channelsError = errors.value.channels ?? action.issueAt('channels');
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="loop-title">
      <h2 id="loop-title">Close the loop</h2>
      <p class="muted">Tell the customer what was done about what they said.</p>
      <Field label="Message to the customer" error={errors.value.message ?? action.issueAt('message')} hint="Plain text; a blank line starts a new paragraph.">
        {(control) => <textarea {...control} name="message" rows={6} value={message.value} onInput={(e) => (message.value = e.currentTarget.value)} />}
      </Field>
      <fieldset class="channel-choice" aria-describedby={channelsError ? 'channels-error' : undefined}>
        <legend>Send by</legend>
        {(['email', 'widget'] as const).map((channel) => (
          <label key={channel} class={reach[channel] === null ? 'unavailable' : undefined}>
            <input type="checkbox" name="channels" value={channel} checked={channels.value.includes(channel)} disabled={reach[channel] === null} onChange={(e) => toggle(channel, e.currentTarget.checked)} />{' '}
            <span>
              {CHANNEL_WORDS[channel]}{' '}
              <span class="muted">
                {reach[channel] === null
                  ? channel === 'email'
                    ? '(no email address the customer agreed to)'
                    : '(needs a verified, signed-in customer)'
                  : `(${reach[channel]})`}
              </span>
            </span>
          </label>
        ))}
        {channelsError && (
          <p class="field-error" id="channels-error">
            {channelsError}
          </p>
        )}
      </fieldset>
      {channels.value.length > 0 && (
        <div class="previews" aria-label="Preview of what the customer will see" role="group">
          {channels.value.map((channel) => (
            <MessagePreview
              key={channel}
              channel={channel}
              message={message.value}
              projectName={projectName}
              recipient={reach[channel] ?? ''}
              customerSaid={caseComment(followUp)}
              locale={detail.customer.locale}
              customerName={typeof name === 'string' && name.trim() !== '' ? name : null}
            />
          ))}
        </div>
      )}
      {action.error.value && (
        <p class="form-error" role="alert">
          {action.error.value}
        </p>
      )}
      <Button type="submit" variant="primary" busy={action.busy.value} disabled={Object.values(reach).every((r) => r === null)}>
        Send to the customer
      </Button>
    </form>
  );
}
