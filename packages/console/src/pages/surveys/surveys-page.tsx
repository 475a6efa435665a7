import { useSignal } from '@preact/signals';
import type { ErrorIssue, SurveyDefinition } from '@closeloop/sdk/schemas';
import { useEffect } from 'preact/hooks';
import { ApiError } from '../../api/api-error.js';
import { useServices } from '../../services.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/button.js';
import { EmptyState } from '../../ui/empty-state.js';
import { ErrorMessage } from '../../ui/error-message.js';
import { ImportDialog } from './import-dialog.js';
import { surveyKind, triggerSummary } from './survey-summary.js';
import { downloadSurvey } from './survey-json.js';
import { NEW_SURVEY, surveyPath } from './survey-paths.js';
import './surveys.css';

type ListState = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; surveys: SurveyDefinition[] };

/** The project's surveys: status, kind, triggers; publish or pause, export, import, and the way into the editor. */
export function SurveysPage() {
  const { api, session, toasts } = useServices();
  const state = useSignal<ListState>({ kind: 'loading' });
  const importing = useSignal(false);
  const busyId = useSignal<string | null>(null);
  const canWrite = session.can('surveys:write');

  async function load() {
    state.value = { kind: 'loading' };
    try {
      state.value = { kind: 'ready', surveys: await api.surveys.list() };
    } catch (error) {
      state.value = { kind: 'failed', message: `The surveys could not be read: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  useEffect(() => {
    document.title = 'Surveys · Closeloop';
    void load();
  }, []);

  function replace(saved: SurveyDefinition) {
    if (state.value.kind !== 'ready') return;
    const others = state.value.surveys.filter((survey) => survey.id !== saved.id);
    state.value = { kind: 'ready', surveys: [...others, saved].sort((a, b) => a.id.localeCompare(b.id)) };
  }

  async function toggle(survey: SurveyDefinition) {
    busyId.value = survey.id;
    try {
      replace(await api.surveys.save({ ...survey, active: !survey.active }));
      toasts.show('success', survey.active ? `"${survey.name}" is paused: it no longer shows.` : `"${survey.name}" is published: it shows on matching pages.`);
    } catch (error) {
      toasts.show('error', `"${survey.name}" could not be ${survey.active ? 'paused' : 'published'}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      busyId.value = null;
    }
  }

  async function importSurvey(survey: SurveyDefinition): Promise<ErrorIssue[] | void> {
    try {
      replace(await api.surveys.save(survey));
      toasts.show('success', `Imported "${survey.name}" (${survey.id}).`);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) return [...error.issues];
      return [{ path: '(server)', message: error instanceof Error ? error.message : String(error) }];
    }
  }

  const current = state.value;
  return (
    <section class="page surveys-page">
      <div class="page-head">
        <h1>Surveys</h1>
        {canWrite && (
          <div class="page-actions">
            <Button onClick={() => (importing.value = true)}>Import JSON</Button>
            <a class="button button-primary" href={surveyPath(NEW_SURVEY)}>
              New survey
            </a>
          </div>
        )}
      </div>
      {!canWrite && <p class="notice">Your role can look at surveys but not change them.</p>}
      {current.kind === 'loading' && <p role="status">Loading the surveys…</p>}
      {current.kind === 'failed' && <ErrorMessage message={current.message} onRetry={() => void load()} />}
      {current.kind === 'ready' && current.surveys.length === 0 && (
        <EmptyState title="No surveys yet">{canWrite ? <p>Create one with "New survey", or import one from JSON.</p> : <p>An admin of the project can create them.</p>}</EmptyState>
      )}
      {current.kind === 'ready' && current.surveys.length > 0 && (
        <ul class="survey-list" aria-label="The project's surveys">
          {current.surveys.map((survey) => (
            <li class="survey-item" key={survey.id}>
              <div class="survey-item-main">
                <a class="survey-item-name" href={surveyPath(survey.id)}>
                  {survey.name}
                </a>{' '}
                {survey.active ? <Badge tone="success">Published</Badge> : <Badge tone="warning">Paused</Badge>}
                <p class="survey-item-meta">
                  <code class="survey-id">{survey.id}</code> · <span>{surveyKind(survey)}</span> · <span>shows {triggerSummary(survey)}</span>
                </p>
              </div>
              <div class="row-actions">
                {canWrite && (
                  <Button onClick={() => void toggle(survey)} busy={busyId.value === survey.id} aria-label={`${survey.active ? 'Pause' : 'Publish'} ${survey.name}`}>
                    {survey.active ? 'Pause' : 'Publish'}
                  </Button>
                )}
                <Button onClick={() => downloadSurvey(survey)} aria-label={`Export JSON: ${survey.name}`}>
                  Export JSON
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {importing.value && (
        <ImportDialog existing={current.kind === 'ready' ? current.surveys.map((s) => s.id) : []} onImport={importSurvey} onClose={() => (importing.value = false)} />
      )}
    </section>
  );
}

