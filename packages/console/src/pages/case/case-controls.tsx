import type { FollowUp, FollowUpStatus } from '@closeloop/sdk/schemas';
import { FollowUpPriority } from '@closeloop/sdk/schemas';
import { TRANSITIONS } from '@closeloop/sdk/logic';
import { PRIORITY_WORDS, STATUS_WORDS } from '../../cases/case-words.js';
import type { Lookups } from '../../cases/use-lookups.js';
import { useServices } from '../../services.js';
import { Button } from '../../ui/button.js';
import { Field } from '../../ui/field.js';
import { useAction } from '../../ui/use-action.js';
import type { CaseModel } from './case-model.js';

/** The statuses a PATCH may move a case to from `from`: `resolved` is reached through the resolve form instead. */
export function nextStatuses(from: FollowUpStatus): FollowUpStatus[] {
  return TRANSITIONS[from].filter((to) => to !== 'resolved');
}

interface CaseControlsProps {
  followUp: FollowUp;
  lookups: Lookups;
  model: CaseModel;
  canWrite: boolean;
}

/** Who works the case, its team, status and priority: each change is sent at once, against the version shown. */
export function CaseControls({ followUp, lookups, model, canWrite }: CaseControlsProps) {
  const { api, session, toasts } = useServices();
  const action = useAction();
  const me = session.user.value;
  const patch = (change: Parameters<typeof api.followUps.update>[1], done: string) =>
    action.run(async () => {
      await model.change((version) => api.followUps.update(followUp.id, { ...change, version }));
      toasts.show('success', done);
    });
  const statuses = nextStatuses(followUp.status);
  const disabled = !canWrite || action.busy.value;
  return (
    <section class="card" aria-labelledby="work-title" aria-busy={action.busy.value}>
      <h2 id="work-title">Work the case</h2>
      {!canWrite && <p class="muted">Your role can read this case but not change it.</p>}
      <Field label="Assignee" error={action.issueAt('assigneeId')}>
        {(control) => (
          <select
            {...control}
            disabled={disabled}
            value={followUp.assigneeId ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              void patch({ assigneeId: value === '' ? null : value }, value === '' ? 'Unassigned.' : 'Assigned.');
            }}
          >
            <option value="">Nobody</option>
            {lookups.members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
                {member.away ? ' (away)' : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      {canWrite && me && followUp.assigneeId !== me.id && (
        <p class="field-action">
          <Button onClick={() => void patch({ assigneeId: me.id }, 'Assigned to you.')} disabled={action.busy.value}>
            Assign to me
          </Button>
        </p>
      )}
      <Field label="Team" error={action.issueAt('teamId')}>
        {(control) => (
          <select {...control} disabled={disabled} value={followUp.teamId ?? ''} onChange={(e) => void patch({ teamId: e.currentTarget.value || null }, 'Team changed.')}>
            <option value="">No team</option>
            {lookups.teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Status" error={action.issueAt('status')} hint={followUp.status === 'resolved' || followUp.status === 'closed' ? undefined : 'To resolve, use the resolve form below.'}>
        {(control) => (
          <select {...control} disabled={disabled || statuses.length === 0} value={followUp.status} onChange={(e) => void patch({ status: e.currentTarget.value as FollowUpStatus }, 'Status changed.')}>
            <option value={followUp.status}>{STATUS_WORDS[followUp.status]}</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {status === 'open' && (followUp.status === 'resolved' || followUp.status === 'closed') ? 'Reopen' : STATUS_WORDS[status]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Priority" error={action.issueAt('priority')}>
        {(control) => (
          <select {...control} disabled={disabled} value={followUp.priority} onChange={(e) => void patch({ priority: e.currentTarget.value as FollowUpPriority }, 'Priority changed.')}>
            {FollowUpPriority.options.map((priority) => (
              <option key={priority} value={priority}>
                {PRIORITY_WORDS[priority]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {action.error.value && (
        <p class="form-error" role="alert">
          {action.error.value}
        </p>
      )}
    </section>
  );
}
