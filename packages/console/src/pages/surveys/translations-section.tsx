import { useSignal } from '@preact/signals';
import { QUESTION_TEXT_FIELDS } from '@closeloop/sdk/logic';
import type { QuestionTextField } from '@closeloop/sdk/logic';
import type { Question } from '@closeloop/sdk/schemas';
import { Button } from '../../ui/button.js';
import { useDraft } from './draft-context.js';
import { GroupError, TextField } from './draft-fields.js';

const FIELD_LABELS: Record<QuestionTextField, string> = {
  prompt: 'Prompt',
  lowLabel: 'Low end label',
  highLabel: 'High end label',
  placeholder: 'Placeholder',
  body: 'Message',
  buttonLabel: 'Button label',
};

/** Which of a question's texts exist for its type, so a translation offers just those (a draft without a type: the prompt). */
function textFields(question: Partial<Question>): [field: QuestionTextField, label: string][] {
  const fields = question.type === undefined ? undefined : QUESTION_TEXT_FIELDS[question.type];
  return (fields ?? ['prompt']).map((field) => [field, FIELD_LABELS[field]]);
}

/** The survey's texts in other languages; what a translation leaves out shows as written. */
export function TranslationsSection({ onEditing }: { onEditing: (step: string, locale: string) => void }) {
  const { draft, readOnly } = useDraft();
  const translations = (draft.get(['translations']) as Record<string, unknown> | undefined) ?? {};
  const questions = (draft.get(['questions']) as Partial<Question>[] | undefined) ?? [];
  const adding = useSignal('');
  const languages = Object.keys(translations);
  return (
    <section class="editor-section" aria-labelledby="translations-heading">
      <h2 id="translations-heading">Translations</h2>
      <GroupError path={['translations']} />
      {languages.length === 0 && <p class="field-hint">No translations: the survey shows as written, with the widget's own words in the visitor's language.</p>}
      {languages.map((tag) => (
        <details class="subgroup translation" key={tag} open={languages.length === 1}>
          <summary>
            {tag}
            {draft.issues.value.some((issue) => issue.path.startsWith(`translations.${tag}`)) && <span class="badge badge-danger">has errors</span>}
          </summary>
          <GroupError path={['translations', tag]} />
          {questions.map((question, i) => {
            const id = String(question.id ?? '');
            const base = ['translations', tag, 'questions', id];
            return (
              <fieldset class="subgroup" key={`${id}-${i}`} onFocusIn={() => onEditing(id, tag)}>
                <legend>
                  Question {i + 1}: {question.prompt}
                </legend>
                {textFields(question).map(([field, label]) => (
                  <TextField key={field} label={label} path={[...base, field]} hint={typeof question[field as keyof Question] === 'string' ? `Written: ${String(question[field as keyof Question])}` : undefined} />
                ))}
                {'options' in question &&
                  (question.options ?? []).map((option) => <TextField key={option.id} label={`Option "${option.label}"`} path={[...base, 'options', option.id]} />)}
              </fieldset>
            );
          })}
          <fieldset class="subgroup" onFocusIn={() => onEditing('end', tag)}>
            <legend>Thank-you</legend>
            <TextField label="Title" path={['translations', tag, 'thankYou', 'title']} />
            <TextField label="Message" path={['translations', tag, 'thankYou', 'body']} multiline />
          </fieldset>
          {!readOnly && (
            <Button variant="danger" onClick={() => draft.set(['translations', tag], undefined)}>
              Remove the {tag} translation
            </Button>
          )}
        </details>
      ))}
      {!readOnly && (
        <div class="add-row">
          <label for="add-translation">New translation (language tag)</label>
          <input id="add-translation" type="text" placeholder="fr, sv, pt-BR" value={adding.value} onInput={(event) => (adding.value = event.currentTarget.value.trim())} />
          <Button
            disabled={adding.value === '' || adding.value in translations}
            onClick={() => {
              draft.set(['translations', adding.value], {});
              adding.value = '';
            }}
          >
            Add a translation
          </Button>
        </div>
      )}
    </section>
  );
}
