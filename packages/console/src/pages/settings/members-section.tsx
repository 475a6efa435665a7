import { useSignal } from '@preact/signals';
import { MemberInput, MemberRole } from '@closeloop/sdk/schemas';
import type { Member } from '@closeloop/sdk/schemas';
import type { TargetedSubmitEvent } from 'preact';
import { useServices } from '../../services.js';
import { Button } from '../../ui/button.js';
import { ErrorMessage } from '../../ui/error-message.js';
import { Field } from '../../ui/field.js';
import { Table } from '../../ui/table.js';
import { useAction } from '../../ui/use-action.js';
import { schemaErrors } from './form-errors.js';
import type { FieldErrors } from './form-errors.js';
import type { PeopleModel } from './use-people.js';

const ROLE_WORDS: Record<MemberRole, string> = { admin: 'Admin (everything)', agent: 'Agent (works cases)', viewer: 'Viewer (reads)' };

/** Who works cases: add a member, change their role, mark them away (routing skips them), remove them. */
export function MembersSection({ people }: { people: PeopleModel }) {
  const { api, toasts, session } = useServices();
  const name = useSignal('');
  const email = useSignal('');
  const role = useSignal<MemberRole>('agent');
  const errors = useSignal<FieldErrors>({});
  const add = useAction();
  const change = useAction();

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = schemaErrors(MemberInput, { name: name.value, email: email.value.trim(), role: role.value });
    errors.value = checked.errors ?? {};
    if (checked.data === null) return;
    const input = checked.data;
    const done = await add.run(async () => {
      await api.members.create(input);
      await people.reload();
    });
    if (done) {
      toasts.show('success', `${input.name} added. They sign in once a login is set up for them (closeloop users add).`);
      name.value = '';
      email.value = '';
    }
  }

  async function update(member: Member, patch: { role?: MemberRole; away?: boolean }) {
    if (await change.run(() => api.members.update(member.id, patch))) await people.reload();
  }
  async function remove(member: Member) {
    if (!confirm(`Remove ${member.name}? They leave their teams and can no longer be assigned; their cases keep naming them.`)) return;
    if (await change.run(() => api.members.remove(member.id))) {
      toasts.show('success', `${member.name} removed.`);
      await people.reload();
    }
  }

  const members = people.data.value?.members;
  const self = session.user.value?.id;
  return (
    <section class="card settings-section" id="members" aria-labelledby="members-title">
      <h2 id="members-title">Members</h2>
      {people.error.value && <ErrorMessage message={people.error.value} onRetry={() => void people.reload()} />}
      {members && (
        <Table
          caption="Members"
          captionHidden
          rows={members}
          rowKey={(m) => m.id}
          columns={[
            { label: 'Name', cell: (m) => m.name },
            { label: 'Email', cell: (m) => m.email },
            {
              label: 'Role',
              cell: (m) => (
                <select aria-label={`Role of ${m.name}`} value={m.role} disabled={m.id === self} onChange={(e) => void update(m, { role: e.currentTarget.value as MemberRole })}>
                  {MemberRole.options.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_WORDS[r]}
                    </option>
                  ))}
                </select>
              ),
            },
            {
              label: 'Away',
              cell: (m) => <input type="checkbox" aria-label={`${m.name} is away`} checked={m.away} onChange={(e) => void update(m, { away: e.currentTarget.checked })} />,
            },
            {
              label: 'Remove',
              cell: (m) =>
                m.id === self ? (
                  <span class="muted">You</span>
                ) : (
                  <Button variant="danger" onClick={() => void remove(m)} aria-label={`Remove ${m.name}`}>
                    Remove
                  </Button>
                ),
            },
          ]}
        />
      )}
      {change.error.value && (
        <p class="form-error" role="alert">
          {change.error.value}
        </p>
      )}
      <form onSubmit={submit} noValidate aria-label="Add a member">
        <h3>Add a member</h3>
        <div class="field-pair">
          <Field label="Name" error={errors.value['name'] ?? add.issueAt('name')}>
            {(control) => <input {...control} name="memberName" autoComplete="off" value={name.value} onInput={(e) => (name.value = e.currentTarget.value)} />}
          </Field>
          <Field label="Email" error={errors.value['email'] ?? add.issueAt('email')}>
            {(control) => <input {...control} name="memberEmail" type="email" autoComplete="off" value={email.value} onInput={(e) => (email.value = e.currentTarget.value)} />}
          </Field>
          <Field label="Role" error={errors.value['role'] ?? add.issueAt('role')}>
            {(control) => (
              <select {...control} name="memberRole" value={role.value} onChange={(e) => (role.value = e.currentTarget.value as MemberRole)}>
                {MemberRole.options.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_WORDS[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {add.error.value && !add.issueAt('email') && !add.issueAt('name') && (
          <p class="form-error" role="alert">
            {add.error.value}
          </p>
        )}
        <Button type="submit" variant="primary" busy={add.busy.value}>
          Add member
        </Button>
      </form>
    </section>
  );
}
