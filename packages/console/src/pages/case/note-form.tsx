import { useSignal } from '@preact/signals';
import { CaseNote } from '@closeloop/sdk/schemas';
import type { FollowUp } from '@closeloop/sdk/schemas';
import type { TargetedSubmitEvent } from 'preact';
import { useServices } from '../../services.js';
import { Button } from '../../ui/button.js';
import { Field } from '../../ui/field.js';
import { useAction } from '../../ui/use-action.js';
import type { CaseModel } from './case-model.js';

/** A note on the timeline: internal, or a record of contact with the customer (the first sets first contact). */
export function NoteForm({ followUp, model }: { followUp: FollowUp; model: CaseModel }) {
  const { api, toasts } = useServices();
  const body = useSignal('');
  const kind = useSignal<'note' | 'contact'>('note');
  const bodyError = useSignal<string | undefined>(undefined);
  const action = useAction();

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = CaseNote.safeParse({ body: body.value, kind: kind.value });
    bodyError.value = parsed.success ? undefined : parsed.error.issues[0]?.message;
    if (!parsed.success) return;
    const sent = await action.run(() => model.change((version) => api.followUps.addNote(followUp.id, { ...parsed.data, version })));
    if (sent) {
      body.value = '';
      toasts.show('success', parsed.data.kind === 'contact' ? 'Contact recorded.' : 'Note added.');
    }
  }

  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="note-title">
      <h2 id="note-title">Add a note</h2>
      <fieldset class="radio-row">
        <legend>Kind</legend>
        <label>
          <input type="radio" name="note-kind" value="note" checked={kind.value === 'note'} onChange={() => (kind.value = 'note')} /> Internal note
        </label>
        <label>
          <input type="radio" name="note-kind" value="contact" checked={kind.value === 'contact'} onChange={() => (kind.value = 'contact')} /> Contact with the customer
        </label>
      </fieldset>
      <Field label={kind.value === 'contact' ? 'What was said' : 'Note'} error={bodyError.value ?? action.issueAt('body')}>
        {(control) => <textarea {...control} name="body" value={body.value} onInput={(e) => (body.value = e.currentTarget.value)} />}
      </Field>
      {action.error.value && (
        <p class="form-error" role="alert">
          {action.error.value}
        </p>
      )}
      <Button type="submit" variant="primary" busy={action.busy.value}>
        {kind.value === 'contact' ? 'Record contact' : 'Add note'}
      </Button>
    </form>
  );
}
