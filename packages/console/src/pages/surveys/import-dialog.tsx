import { useSignal } from '@preact/signals';
import type { ErrorIssue, SurveyDefinition } from '@closeloop/sdk/schemas';
import { useEffect, useRef } from 'preact/hooks';
import { Button } from '../../ui/button.js';
import { parseSurveyJson } from './survey-json.js';

interface ImportDialogProps {
  /** Ids of the project's surveys: importing one of them replaces it, which the member must confirm. */
  existing: readonly string[];
  onImport: (survey: SurveyDefinition) => Promise<ErrorIssue[] | void>;
  onClose: () => void;
}

/**
 * Import a survey from a JSON file or pasted text. Checked with the shared schema before anything is sent; each
 * problem is listed by its field. A survey with an id the project already has replaces that one, once confirmed.
 */
export function ImportDialog({ existing, onImport, onClose }: ImportDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const text = useSignal('');
  const issues = useSignal<ErrorIssue[]>([]);
  const replacing = useSignal<string | null>(null);
  const busy = useSignal(false);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    const result = parseSurveyJson(text.value);
    if (!result.ok) {
      issues.value = result.issues;
      return;
    }
    if (existing.includes(result.survey.id) && replacing.value !== result.survey.id) {
      issues.value = [];
      replacing.value = result.survey.id;
      return;
    }
    busy.value = true;
    try {
      const rejected = await onImport(result.survey);
      if (rejected) issues.value = rejected;
      else dialog.current?.close();
    } finally {
      busy.value = false;
    }
  }

  return (
    <dialog ref={dialog} class="dialog import-dialog" aria-labelledby="import-title" onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id="import-title">Import a survey from JSON</h2>
        <div class="field">
          <label for="import-file">JSON file</label>
          <input
            id="import-file"
            type="file"
            accept="application/json,.json"
            onChange={async (event) => {
              const file = event.currentTarget.files?.[0];
              if (file) text.value = await file.text();
              issues.value = [];
              replacing.value = null;
            }}
          />
        </div>
        <div class="field">
          <label for="import-text">Or paste it</label>
          <textarea
            id="import-text"
            rows={10}
            spellcheck={false}
            value={text.value}
            onInput={(event) => {
              text.value = event.currentTarget.value;
              issues.value = [];
              replacing.value = null;
            }}
          />
        </div>
        {issues.value.length > 0 && (
          <div class="form-error" role="alert">
            <p>
              This survey cannot be imported: {issues.value.length} {issues.value.length === 1 ? 'problem' : 'problems'}.
            </p>
            <ul class="issue-list">
              {issues.value.map((issue, i) => (
                <li key={i}>
                  <code>{issue.path}</code>: {issue.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {replacing.value && (
          <p class="notice" role="status">
            The project already has a survey "{replacing.value}". Importing replaces it: press Import again to confirm.
          </p>
        )}
        <div class="dialog-actions">
          <Button type="submit" variant="primary" busy={busy.value} disabled={text.value.trim() === ''}>
            {replacing.value ? `Replace "${replacing.value}"` : 'Import'}
          </Button>
          <Button onClick={() => dialog.current?.close()}>Cancel</Button>
        </div>
      </form>
    </dialog>
  );
}
