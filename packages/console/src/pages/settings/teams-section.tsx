import { useSignal } from '@preact/signals';
import { TeamInput } from '@closeloop/sdk/schemas';
import type { Member, Team } from '@closeloop/sdk/schemas';
import type { TargetedSubmitEvent } from 'preact';
import { useServices } from '../../services.js';
import { Button } from '../../ui/button.js';
import { Field } from '../../ui/field.js';
import { useAction } from '../../ui/use-action.js';
import { schemaErrors } from './form-errors.js';
import type { FieldErrors } from './form-errors.js';
import type { PeopleModel } from './use-people.js';

/** Teams cases are routed to (members take turns, away members skipped): create one, choose its members. */
export function TeamsSection({ people }: { people: PeopleModel }) {
  const { api, toasts } = useServices();
  const name = useSignal('');
  const errors = useSignal<FieldErrors>({});
  const add = useAction();

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = schemaErrors(TeamInput, { name: name.value });
    errors.value = checked.errors ?? {};
    if (checked.data === null) return;
    const input = checked.data;
    if (
      await add.run(async () => {
        await api.teams.create(input);
        await people.reload();
      })
    ) {
      toasts.show('success', `Team ${input.name} created: choose its members below.`);
      name.value = '';
    }
  }

  const data = people.data.value;
  return (
    <section class="card settings-section" id="teams" aria-labelledby="teams-title">
      <h2 id="teams-title">Teams</h2>
      {data?.teams.length === 0 && <p>No teams yet.</p>}
      <ul class="plain-list team-list">
        {data?.teams.map((team) => (
          <TeamMembers key={team.id} team={team} members={data.members} onSaved={() => void people.reload()} />
        ))}
      </ul>
      <form class="inline-form" onSubmit={submit} noValidate aria-label="Create a team">
        <Field label="New team's name" error={errors.value['name'] ?? add.issueAt('name')}>
          {(control) => <input {...control} name="teamName" value={name.value} onInput={(e) => (name.value = e.currentTarget.value)} />}
        </Field>
        <Button type="submit" variant="primary" busy={add.busy.value}>
          Create team
        </Button>
      </form>
      {add.error.value && !add.issueAt('name') && (
        <p class="form-error" role="alert">
          {add.error.value}
        </p>
      )}
    </section>
  );
}

function TeamMembers({ team, members, onSaved }: { team: Team; members: Member[]; onSaved: () => void }) {
  const { api, toasts } = useServices();
  const chosen = useSignal<string[]>(team.memberIds);
  const save = useAction();
  async function submit(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await save.run(() => api.teams.update(team.id, { memberIds: chosen.value }))) {
      toasts.show('success', `Team ${team.name} saved.`);
      onSaved();
    }
  }
  return (
    <li>
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>{team.name}</legend>
          <div class="checkbox-grid">
            {members.map((m) => (
              <label key={m.id}>
                <input
                  type="checkbox"
                  checked={chosen.value.includes(m.id)}
                  onChange={(e) => (chosen.value = e.currentTarget.checked ? [...chosen.value, m.id] : chosen.value.filter((id) => id !== m.id))}
                />{' '}
                {m.name}
                {m.away ? ' (away)' : ''}
              </label>
            ))}
          </div>
          {save.error.value && (
            <p class="form-error" role="alert">
              {save.error.value}
            </p>
          )}
          <Button type="submit" busy={save.busy.value}>
            Save {team.name}
          </Button>
        </fieldset>
      </form>
    </li>
  );
}
