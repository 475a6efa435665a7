import { useSignal } from '@preact/signals';
import { ProjectSettingsPatch } from '@closeloop/sdk/schemas';
import type { FeedbackRoutingRule } from '@closeloop/sdk/schemas';
import type { TargetedSubmitEvent } from 'preact';
import { useServices } from '../../services.js';
import { Button } from '../../ui/button.js';
import { Field } from '../../ui/field.js';
import { useAction } from '../../ui/use-action.js';
import { schemaErrors } from './form-errors.js';
import type { FieldErrors } from './form-errors.js';
import type { PeopleModel } from './use-people.js';
import type { ProjectSettingsModel } from './use-project-settings.js';

/**
 * A rule as this form edits it: "page path contains …" (or any page) → a team or member. A rule with other
 * conditions (attributes, several URL tests), written through the API, is kept as it is and only shown.
 */
type RuleRow = { kind: 'simple'; contains: string; target: string } | { kind: 'other'; rule: FeedbackRoutingRule };

function rowOf(rule: FeedbackRoutingRule): RuleRow {
  const target = 'teamId' in rule.to ? `team:${rule.to.teamId}` : `member:${rule.to.memberId}`;
  const url = rule.if.url;
  if (rule.if.attribute === undefined && url === undefined) return { kind: 'simple', contains: '', target };
  const only = url?.rules.length === 1 ? url.rules[0] : undefined;
  if (rule.if.attribute === undefined && only?.op === 'contains' && only.on === 'path') return { kind: 'simple', contains: only.value, target };
  return { kind: 'other', rule };
}

function ruleOf(row: RuleRow): unknown {
  if (row.kind === 'other') return row.rule;
  const [kind, id] = row.target.split(':');
  const to = kind === 'team' ? { teamId: id } : kind === 'member' ? { memberId: id } : {};
  const contains = row.contains.trim();
  return { if: contains === '' ? {} : { url: { match: 'any', rules: [{ op: 'contains', value: contains, on: 'path' }] } }, to };
}

/** Where feedback-button problems go: rules tried in order, the first that holds wins; none: unassigned. */
export function FeedbackRoutingSection({ model, people }: { model: ProjectSettingsModel; people: PeopleModel }) {
  const { toasts } = useServices();
  // Rendered once the settings are loaded (see SettingsPage), so the form starts from what is stored.
  const rows = useSignal<RuleRow[]>((model.settings.value?.feedbackRouting ?? []).map(rowOf));
  const errors = useSignal<FieldErrors>({});
  const save = useAction();

  const setRow = (index: number, row: RuleRow) => (rows.value = rows.value.map((r, i) => (i === index ? row : r)));

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = schemaErrors(ProjectSettingsPatch, { feedbackRouting: rows.value.map(ruleOf) });
    errors.value = checked.errors ?? {};
    if (checked.data === null) return;
    const patch = checked.data;
    if (await save.run(() => model.save(patch))) toasts.show('success', 'Feedback routing saved.');
  }

  const errorOf = (index: number) => {
    const prefix = `feedbackRouting.${index}`;
    const found = Object.entries(errors.value).find(([path]) => path === prefix || path.startsWith(`${prefix}.`))?.[1];
    return found ?? save.issueAt(`${prefix}.to.teamId`) ?? save.issueAt(`${prefix}.to.memberId`) ?? save.issueAt(`${prefix}.to`);
  };
  const data = people.data.value;
  return (
    <section class="card settings-section" id="feedback-routing" aria-labelledby="feedback-routing-title">
      <h2 id="feedback-routing-title">Feedback routing</h2>
      <p class="muted">Problems sent with the feedback button become cases too. Rules are tried in order; the first that holds picks the team or member.</p>
      <form onSubmit={submit} noValidate aria-label="Feedback routing">
        <ol class="plain-list editable-rows">
          {rows.value.map((row, index) =>
            row.kind === 'other' ? (
              <li key={index}>
                <p>
                  Rule {index + 1}: conditions set through the API, kept as they are. <code class="break">{JSON.stringify(row.rule.if)}</code>
                </p>
                <Button onClick={() => (rows.value = rows.value.filter((_, i) => i !== index))}>Remove rule {index + 1}</Button>
              </li>
            ) : (
              <li key={index} class="field-pair">
                <Field label={`Rule ${index + 1}: page path contains`} hint="Empty: any page." error={errorOf(index)}>
                  {(control) => <input {...control} name={`routeContains${index}`} value={row.contains} onInput={(e) => setRow(index, { ...row, contains: e.currentTarget.value })} />}
                </Field>
                <Field label="Goes to">
                  {(control) => (
                    <select {...control} name={`routeTarget${index}`} value={row.target} onChange={(e) => setRow(index, { ...row, target: e.currentTarget.value })}>
                      <option value="">Choose…</option>
                      <optgroup label="Teams">
                        {data?.teams.map((t) => (
                          <option key={t.id} value={`team:${t.id}`}>
                            {t.name}
                          </option>
                        ))}
                      </optgroup>
                      <optgroup label="Members">
                        {data?.members.map((m) => (
                          <option key={m.id} value={`member:${m.id}`}>
                            {m.name}
                          </option>
                        ))}
                      </optgroup>
                    </select>
                  )}
                </Field>
                <Button onClick={() => (rows.value = rows.value.filter((_, i) => i !== index))} aria-label={`Remove rule ${index + 1}`}>
                  Remove
                </Button>
              </li>
            ),
          )}
        </ol>
        {save.error.value && (
          <p class="form-error" role="alert">
            {save.error.value}
          </p>
        )}
        <div class="row">
          <Button onClick={() => (rows.value = [...rows.value, { kind: 'simple', contains: '', target: '' }])}>Add a rule</Button>
          <Button type="submit" variant="primary" busy={save.busy.value}>
            Save feedback routing
          </Button>
        </div>
      </form>
    </section>
  );
}
