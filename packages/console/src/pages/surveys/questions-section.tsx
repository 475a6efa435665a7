import { useSignal } from '@preact/signals';
import type { QuestionType } from '@closeloop/sdk/schemas';
import { Button } from '../../ui/button.js';
import { useDraft } from './draft-context.js';
import { CheckField, GroupError, SelectField, TextField } from './draft-fields.js';
import { LogicRules } from './logic-rules.js';
import { QuestionFields } from './question-fields.js';
import { changeType, newQuestion, QUESTION_TYPES } from './question-templates.js';

/**
 * The survey's questions, in order, each with its type's fields and its logic. `onEditing` is told which question
 * the member is working on (focus inside it), so the preview can show that one.
 */
export function QuestionsSection({ onEditing }: { onEditing: (questionId: string) => void }) {
  const { draft, readOnly } = useDraft();
  const questions = (draft.get(['questions']) as { id?: string; type?: QuestionType }[] | undefined) ?? [];
  const taken = questions.map((q) => String(q.id));
  return (
    <section class="editor-section" aria-labelledby="questions-heading">
      <h2 id="questions-heading">Questions</h2>
      <GroupError path={['questions']} />
      {questions.map((question, i) => {
        const path = ['questions', i];
        return (
          <fieldset class="question-card" key={i} onFocusIn={() => question.id && onEditing(question.id)}>
            <legend>
              Question {i + 1}
              {question.id ? ` (${question.id})` : ''}
            </legend>
            <div class="field-row">
              <SelectField
                label="Type"
                path={[...path, 'type']}
                choices={QUESTION_TYPES}
                onChange={(type) => type && draft.set(path, changeType(draft.get(path) as Record<string, unknown>, type as QuestionType))}
              />
              <TextField label="Question id" path={[...path, 'id']} keepEmpty hint="Stays the same across edits: answers are stored under it." />
            </div>
            <TextField label="Prompt" path={[...path, 'prompt']} keepEmpty multiline />
            <CheckField label="An answer is required (no Skip)" path={[...path, 'required']} />
            {question.type && <QuestionFields path={path} type={question.type} />}
            <LogicRules index={i} />
            {!readOnly && (
              <div class="item-actions">
                <Button onClick={() => draft.move(['questions'], i, i - 1)} disabled={i === 0} aria-label={`Move up question ${i + 1}`}>
                  Move up
                </Button>
                <Button onClick={() => draft.move(['questions'], i, i + 1)} disabled={i === questions.length - 1} aria-label={`Move down question ${i + 1}`}>
                  Move down
                </Button>
                <Button variant="danger" onClick={() => draft.remove(['questions'], i)} aria-label={`Remove question ${i + 1}`}>
                  Remove
                </Button>
              </div>
            )}
          </fieldset>
        );
      })}
      {!readOnly && <AddQuestion taken={taken} onAdd={(question) => draft.set(['questions', questions.length], question)} />}
    </section>
  );
}

function AddQuestion({ taken, onAdd }: { taken: string[]; onAdd: (question: Record<string, unknown>) => void }) {
  const type = useSignal<QuestionType>('nps');
  return (
    <div class="add-row">
      <label for="add-question-type">New question type</label>
      <select id="add-question-type" value={type.value} onChange={(event) => (type.value = event.currentTarget.value as QuestionType)}>
        {QUESTION_TYPES.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      <Button onClick={() => onAdd(newQuestion(type.value, taken))}>Add a question</Button>
    </div>
  );
}
