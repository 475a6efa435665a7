import type { Member, Question, Team } from '@closeloop/sdk/schemas';
import { Button } from '../../ui/button.js';
import { Field } from '../../ui/field.js';
import { useDraft } from './draft-context.js';
import { CheckField, GroupError, NumberField, SelectField, TextField } from './draft-fields.js';
import type { Choice } from './draft-fields.js';
import type { DraftPath } from './draft-path.js';
import { UrlRulesFields } from './url-rules-fields.js';

export interface RoutingChoices {
  teams: readonly Team[];
  members: readonly Member[];
}

/**
 * When an answer opens a follow-up case (the rule the server applies, NPS ≤ 6 and the like by default), when it is
 * due, and who gets it (routing rules, the first that holds wins).
 */
export function FollowUpSection({ routingChoices }: { routingChoices: RoutingChoices }) {
  const { draft, readOnly } = useDraft();
  const questions = (draft.get(['questions']) as Partial<Question>[] | undefined) ?? [];
  const questionChoices: Choice[] = questions.map((q, i) => ({ value: String(q.id ?? ''), label: `Question ${i + 1}: ${q.id ?? ''}` }));
  const conditions = draft.get(['followUp', 'conditions']) as unknown[] | undefined;
  const routing = (draft.get(['followUp', 'routing']) as unknown[] | undefined) ?? [];
  const enabled = draft.get(['followUp', 'enabled']) !== false;
  return (
    <section class="editor-section" aria-labelledby="follow-up-heading">
      <h2 id="follow-up-heading">Follow-up and routing</h2>
      <CheckField label="Open a follow-up case for unhappy answers" path={['followUp', 'enabled']} fallback />
      {enabled && (
        <>
          <NumberField label="Due in (hours)" path={['followUp', 'dueIn']} step="any" hint="Blank: 48, counted in business hours when the project has them" />
          <fieldset class="subgroup">
            <legend>Which answers open a case</legend>
            <div class="field field-check">
              <label>
                <input type="checkbox" checked={conditions !== undefined} onChange={(event) => draft.set(['followUp', 'conditions'], event.currentTarget.checked ? [] : undefined)} /> My own
                conditions (otherwise: NPS ≤ 6, CSAT ≤ 2, effort ≤ 3)
              </label>
            </div>
            <GroupError path={['followUp', 'conditions']} />
            {(conditions ?? []).map((_, i) => (
              <div class="field-row item-row" key={i}>
                <SelectField label={`Condition ${i + 1}: the answer to`} path={['followUp', 'conditions', i, 'question']} choices={questionChoices} />
                <SelectField
                  label="is"
                  path={['followUp', 'conditions', i, 'op']}
                  choices={[
                    { value: 'lte', label: 'at most' },
                    { value: 'gte', label: 'at least' },
                  ]}
                />
                <NumberField label="Score" path={['followUp', 'conditions', i, 'value']} step="any" />
                {!readOnly && (
                  <Button class="item-remove" onClick={() => draft.remove(['followUp', 'conditions'], i)} aria-label={`Remove condition ${i + 1}`}>
                    Remove
                  </Button>
                )}
              </div>
            ))}
            {!readOnly && conditions !== undefined && (
              <Button onClick={() => draft.set(['followUp', 'conditions', conditions.length], { question: questionChoices[0]?.value ?? '', op: 'lte', value: 6 })}>Add a condition</Button>
            )}
          </fieldset>
          <fieldset class="subgroup">
            <legend>Routing: who gets the case</legend>
            <p class="field-hint">Rules are tried in order; with none holding, the case waits unassigned.</p>
            <GroupError path={['followUp', 'routing']} />
            {routing.map((_, i) => (
              <RoutingRuleFields key={i} path={['followUp', 'routing', i]} index={i} questionChoices={questionChoices} routingChoices={routingChoices} />
            ))}
            {!readOnly && (
              <Button
                onClick={() => {
                  const first = routingChoices.teams[0];
                  draft.set(['followUp', 'routing', routing.length], { if: {}, to: first ? { teamId: first.id } : { memberId: routingChoices.members[0]?.id ?? '' } });
                }}
              >
                Add a routing rule
              </Button>
            )}
          </fieldset>
        </>
      )}
    </section>
  );
}

function RoutingRuleFields({ path, index, questionChoices, routingChoices }: { path: DraftPath; index: number; questionChoices: Choice[]; routingChoices: RoutingChoices }) {
  const { draft, readOnly } = useDraft();
  const to = (draft.get([...path, 'to']) as { teamId?: string; memberId?: string } | undefined) ?? {};
  const answer = draft.get([...path, 'if', 'answer']) as { op?: string } | undefined;
  const attribute = draft.get([...path, 'if', 'attribute']) as { op?: string; value?: unknown } | undefined;
  const url = draft.get([...path, 'if', 'url']) !== undefined;
  const target = to.teamId !== undefined ? `team:${to.teamId}` : to.memberId !== undefined ? `member:${to.memberId}` : '';
  const targets: Choice[] = [
    ...routingChoices.teams.map((team) => ({ value: `team:${team.id}`, label: `Team ${team.name}` })),
    ...routingChoices.members.map((member) => ({ value: `member:${member.id}`, label: `${member.name} (${member.role})` })),
  ];
  const toError = draft.errorAt([...path, 'to']) ?? draft.errorAt([...path, 'to', 'teamId']) ?? draft.errorAt([...path, 'to', 'memberId']);
  const attributeText = Array.isArray(attribute?.value) ? attribute.value.join(', ') : attribute?.value === undefined ? '' : String(attribute.value);
  return (
    <fieldset class="subgroup">
      <legend>Routing rule {index + 1}</legend>
      <Field label="Send the case to" error={toError}>
        {(control) => (
          <select
            {...control}
            value={target}
            onChange={(event) => {
              const [kind, id] = event.currentTarget.value.split(':') as [string, string];
              draft.set([...path, 'to'], kind === 'team' ? { teamId: id } : { memberId: id });
            }}
          >
            {target === '' || targets.some((t) => t.value === target) ? null : <option value={target}>{target} (unknown)</option>}
            {targets.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div class="field field-check">
        <label>
          <input
            type="checkbox"
            checked={answer !== undefined}
            onChange={(event) => draft.set([...path, 'if', 'answer'], event.currentTarget.checked ? { question: questionChoices[0]?.value ?? '', op: 'lte', value: 6 } : undefined)}
          />{' '}
          When an answer…
        </label>
      </div>
      {answer && (
        <div class="field-row">
          <SelectField label="The answer to" path={[...path, 'if', 'answer', 'question']} choices={questionChoices} />
          <SelectField
            label="is"
            path={[...path, 'if', 'answer', 'op']}
            choices={[
              { value: 'lte', label: 'at most' },
              { value: 'gte', label: 'at least' },
              { value: 'eq', label: 'exactly' },
              { value: 'includes', label: 'includes the option' },
            ]}
          />
          {answer.op === 'includes' ? <TextField label="Option id" path={[...path, 'if', 'answer', 'value']} keepEmpty /> : <NumberField label="Score" path={[...path, 'if', 'answer', 'value']} step="any" />}
        </div>
      )}
      <div class="field field-check">
        <label>
          <input
            type="checkbox"
            checked={attribute !== undefined}
            onChange={(event) => draft.set([...path, 'if', 'attribute'], event.currentTarget.checked ? { name: 'plan', op: 'eq', value: 'pro' } : undefined)}
          />{' '}
          When an identify() attribute…
        </label>
      </div>
      {attribute && (
        <div class="field-row">
          <TextField label="Attribute" path={[...path, 'if', 'attribute', 'name']} keepEmpty />
          <SelectField
            label="is"
            path={[...path, 'if', 'attribute', 'op']}
            choices={[
              { value: 'eq', label: 'equal to' },
              { value: 'in', label: 'one of (comma-separated)' },
              { value: 'gte', label: 'at least' },
              { value: 'lte', label: 'at most' },
            ]}
          />
          <Field label="Value" error={draft.errorAt([...path, 'if', 'attribute', 'value'])}>
            {(control) => (
              <input
                {...control}
                type="text"
                value={attributeText}
                onChange={(event) => draft.set([...path, 'if', 'attribute', 'value'], attributeValue(attribute.op ?? 'eq', event.currentTarget.value))}
              />
            )}
          </Field>
        </div>
      )}
      <div class="field field-check">
        <label>
          <input
            type="checkbox"
            checked={url}
            onChange={(event) => draft.set([...path, 'if', 'url'], event.currentTarget.checked ? { match: 'any', rules: [{ op: 'starts-with', value: '/' }] } : undefined)}
          />{' '}
          When the page…
        </label>
      </div>
      {url && <UrlRulesFields path={[...path, 'if', 'url']} legend="The page the customer answered on" />}
      {!readOnly && (
        <Button class="item-remove" onClick={() => draft.remove(['followUp', 'routing'], index)} aria-label={`Remove routing rule ${index + 1}`}>
          Remove
        </Button>
      )}
    </fieldset>
  );
}

/** A routing attribute's value as its operator wants it: numbers compare, `in` takes a list, `eq` a scalar. */
function attributeValue(op: string, text: string): unknown {
  const scalar = (item: string) => (item.trim() !== '' && !Number.isNaN(Number(item)) ? Number(item) : item.trim() === 'true' ? true : item.trim() === 'false' ? false : item.trim());
  if (op === 'in') return text.split(',').map(scalar).filter((item) => item !== '');
  return scalar(text);
}
