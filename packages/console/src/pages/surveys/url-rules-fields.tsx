import { Button } from '../../ui/button.js';
import { useDraft } from './draft-context.js';
import { GroupError, SelectField, TextField } from './draft-fields.js';
import type { DraftPath } from './draft-path.js';

const OPS = [
  { value: 'exact', label: 'is exactly' },
  { value: 'contains', label: 'contains' },
  { value: 'starts-with', label: 'starts with' },
  { value: 'ends-with', label: 'ends with' },
  { value: 'glob', label: 'matches the pattern' },
  { value: 'regex', label: 'matches the regular expression' },
];

/** URL rules (`UrlRules`): tests of the page's path or whole address, any or all of which must match. */
export function UrlRulesFields({ path, legend }: { path: DraftPath; legend: string }) {
  const { draft, readOnly } = useDraft();
  const rules = (draft.get([...path, 'rules']) as unknown[] | undefined) ?? [];
  return (
    <fieldset class="subgroup">
      <legend>{legend}</legend>
      <SelectField
        label="Pages match when"
        path={[...path, 'match']}
        value={(draft.get([...path, 'match']) as string | undefined) ?? 'any'}
        choices={[
          { value: 'any', label: 'any rule matches' },
          { value: 'all', label: 'every rule matches' },
        ]}
      />
      <GroupError path={[...path, 'rules']} />
      {rules.map((_, i) => (
        <div class="field-row item-row" key={i}>
          <SelectField
            label={`Rule ${i + 1}: the`}
            path={[...path, 'rules', i, 'on']}
            value={(draft.get([...path, 'rules', i, 'on']) as string | undefined) ?? 'path'}
            choices={[
              { value: 'path', label: 'path (/checkout)' },
              { value: 'url', label: 'whole address' },
            ]}
          />
          <SelectField label="Test" path={[...path, 'rules', i, 'op']} choices={OPS} />
          <TextField label="Value" path={[...path, 'rules', i, 'value']} keepEmpty hint={i === 0 ? 'In a pattern, * stays within one path segment, ** crosses them.' : undefined} />
          {!readOnly && (
            <Button class="item-remove" onClick={() => draft.remove([...path, 'rules'], i)} aria-label={`Remove URL rule ${i + 1}`}>
              Remove
            </Button>
          )}
        </div>
      ))}
      {!readOnly && <Button onClick={() => draft.set([...path, 'rules', rules.length], { op: 'starts-with', value: '/' })}>Add a URL rule</Button>}
    </fieldset>
  );
}
