import { END, isChoice, isScale } from '@closeloop/sdk/schemas';
import type { Question } from '@closeloop/sdk/schemas';
import { Button } from '../../ui/button.js';
import { useDraft } from './draft-context.js';
import { GroupError, NumberField, SelectField } from './draft-fields.js';
import type { Choice } from './draft-fields.js';

type Op = 'always' | 'lte' | 'gte' | 'eq' | 'includes' | 'skipped';

const SCORE_OPS: Choice[] = [
  { value: 'lte', label: 'the score is at most' },
  { value: 'gte', label: 'the score is at least' },
  { value: 'eq', label: 'the score is' },
];

/**
 * Where to go after question `index`: rules tried in order, the first that matches wins, none matching goes on to
 * the next question. Jumps go forward only (to a later question or the end), as the schema requires.
 */
export function LogicRules({ index }: { index: number }) {
  const { draft, readOnly } = useDraft();
  const questions = (draft.get(['questions']) as Partial<Question>[]) ?? [];
  const question = questions[index] ?? {};
  const path = ['questions', index, 'logic'];
  const rules = (draft.get(path) as { if?: { op?: Op } }[] | undefined) ?? [];
  const choice = isChoice(question);
  const scored = isScale(question);
  const ops: Choice[] = [
    { value: 'always', label: 'always' },
    ...(scored ? SCORE_OPS : []),
    ...(choice ? [{ value: 'includes', label: 'the answer includes' }] : []),
    { value: 'skipped', label: 'the question was skipped' },
  ];
  const targets: Choice[] = [
    ...questions.slice(index + 1).map((q, i) => ({ value: String(q.id ?? ''), label: `Question ${index + i + 2}: ${q.prompt ?? q.id ?? ''}` })),
    { value: END, label: 'The end (thank-you)' },
  ];
  const options: Choice[] = choice && 'options' in question ? (question.options ?? []).map((o) => ({ value: o.id, label: o.label })) : [];

  function setOp(i: number, op: string | undefined) {
    const rulePath = [...path, i, 'if'];
    if (op === 'always' || op === undefined) draft.set(rulePath, undefined);
    else if (op === 'skipped') draft.set(rulePath, { op });
    else if (op === 'includes') draft.set(rulePath, { op, value: options[0]?.value ?? '' });
    else draft.set(rulePath, { op, value: typeof draft.get([...rulePath, 'value']) === 'number' ? draft.get([...rulePath, 'value']) : 0 });
  }

  return (
    <fieldset class="subgroup">
      <legend>Logic: where to go next</legend>
      <p class="field-hint">Without a matching rule the next question follows.</p>
      <GroupError path={path} />
      {rules.map((rule, i) => {
        const op = rule.if?.op ?? 'always';
        return (
          <div class="field-row item-row" key={i}>
            <SelectField label={`Rule ${i + 1}: when`} path={[...path, i, 'if', 'op']} choices={ops} value={op} onChange={(next) => setOp(i, next)} />
            {(op === 'lte' || op === 'gte' || op === 'eq') && <NumberField label="Score" path={[...path, i, 'if', 'value']} />}
            {op === 'includes' && <SelectField label="Option" path={[...path, i, 'if', 'value']} choices={options} />}
            <SelectField label="Go to" path={[...path, i, 'goTo']} choices={targets} />
            {!readOnly && (
              <Button class="item-remove" onClick={() => draft.remove(path, i)} aria-label={`Remove rule ${i + 1} of question ${index + 1}`}>
                Remove
              </Button>
            )}
          </div>
        );
      })}
      {!readOnly && <Button onClick={() => draft.set([...path, rules.length], { goTo: targets[0]?.value ?? END })}>Add a rule</Button>}
    </fieldset>
  );
}
