import { useSignal } from '@preact/signals';
import type { Member, SurveyDefinition, Team } from '@closeloop/sdk/schemas';
import { useLocation } from 'preact-iso';
import { useEffect, useMemo } from 'preact/hooks';
import { ApiError } from '../../api/api-error.js';
import { consolePath } from '../../paths.js';
import { useServices } from '../../services.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/button.js';
import { ErrorMessage } from '../../ui/error-message.js';
import { AudienceSection } from './audience-section.js';
import { DraftContext } from './draft-context.js';
import { TextField } from './draft-fields.js';
import { FollowUpSection } from './follow-up-section.js';
import { LookSection } from './look-section.js';
import { PreviewPanel } from './preview-panel.js';
import { ProblemList } from './problem-list.js';
import { newSurvey } from './question-templates.js';
import { QuestionsSection } from './questions-section.js';
import { createSurveyDraft } from './survey-draft.js';
import type { Draft } from './survey-draft.js';
import { downloadSurvey } from './survey-json.js';
import { NEW_SURVEY, surveyPath } from './survey-paths.js';
import { TranslationsSection } from './translations-section.js';
import { TriggersSection } from './triggers-section.js';
import './surveys.css';

interface Loaded {
  survey: Draft;
  /** Ids of the project's other surveys: a new survey may not take one (a PUT would replace it). */
  taken: string[];
  teams: Team[];
  members: Member[];
}

type LoadState = { kind: 'loading' } | { kind: 'failed'; message: string } | ({ kind: 'ready' } & Loaded);

/** `/surveys/:id`: the survey editor, or a new survey at `/surveys/_new`. */
export function SurveyEditorPage({ id }: Record<string, string | undefined>) {
  const { api } = useServices();
  const state = useSignal<LoadState>({ kind: 'loading' });
  const surveyId = id ?? NEW_SURVEY;

  async function load() {
    state.value = { kind: 'loading' };
    try {
      const [surveys, teams, members] = await Promise.all([api.surveys.list(), api.teams.list(), api.members.list()]);
      const taken = surveys.map((survey) => survey.id);
      const existing = surveys.find((survey) => survey.id === surveyId);
      if (surveyId !== NEW_SURVEY && !existing) {
        state.value = { kind: 'failed', message: `The project has no survey "${surveyId}".` };
        return;
      }
      state.value = { kind: 'ready', survey: (existing as Draft | undefined) ?? newSurvey(taken), taken: taken.filter((t) => t !== surveyId), teams, members };
    } catch (error) {
      state.value = { kind: 'failed', message: `The survey could not be read: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  useEffect(() => {
    void load();
  }, [surveyId]);

  const current = state.value;
  if (current.kind === 'loading') return <p role="status">Loading the survey…</p>;
  if (current.kind === 'failed')
    return (
      <section class="page">
        <h1>Survey</h1>
        <ErrorMessage message={current.message} onRetry={() => void load()} />
        <p>
          <a href={consolePath('/surveys')}>Back to the surveys</a>
        </p>
      </section>
    );
  return <SurveyEditor key={surveyId} loaded={current} isNew={surveyId === NEW_SURVEY} />;
}

function SurveyEditor({ loaded, isNew }: { loaded: Loaded; isNew: boolean }) {
  const { api, session, toasts } = useServices();
  const location = useLocation();
  const readOnly = !session.can('surveys:write');
  const model = useMemo(
    () =>
      createSurveyDraft(loaded.survey, {
        extraIssues: (draft) => (isNew && loaded.taken.includes(String(draft.id)) ? [{ path: 'id', message: `the project has a survey "${String(draft.id)}" already: pick another id` }] : []),
      }),
    [loaded],
  );
  const editing = useSignal<{ step?: string; locale?: string }>({});
  const saving = useSignal(false);
  const showProblems = useSignal(false);
  const draft = model.draft.value;
  const name = typeof draft.name === 'string' && draft.name.trim() ? draft.name : 'Untitled survey';
  const active = draft.active !== false;
  const translations = (draft.translations as Record<string, unknown> | undefined) ?? {};
  const languages = [typeof draft.language === 'string' && draft.language ? draft.language : 'en', ...Object.keys(translations)];

  useEffect(() => {
    document.title = `${isNew ? 'New survey' : name} · Surveys · Closeloop`;
  }, [name, isNew]);

  async function save(nextActive = active) {
    const valid = model.valid.value;
    if (!valid) {
      showProblems.value = true;
      document.getElementById('survey-problems')?.focus();
      return;
    }
    saving.value = true;
    try {
      const saved: SurveyDefinition = await api.surveys.save({ ...valid, active: nextActive });
      model.saved(saved);
      showProblems.value = false;
      toasts.show('success', nextActive === active ? `Saved "${saved.name}".` : nextActive ? `Published "${saved.name}".` : `Paused "${saved.name}".`);
      if (isNew) location.route(surveyPath(saved.id), true);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) {
        model.reject(error.issues);
        showProblems.value = true;
      } else toasts.show('error', `The survey could not be saved: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      saving.value = false;
    }
  }

  return (
    <DraftContext.Provider value={{ draft: model, readOnly }}>
      <section class="page survey-editor">
        <p class="breadcrumb">
          <a href={consolePath('/surveys')}>Surveys</a>
        </p>
        <div class="page-head">
          <h1>
            {isNew ? 'New survey' : name} {!isNew && (active ? <Badge tone="success">Published</Badge> : <Badge tone="warning">Paused</Badge>)}
          </h1>
          <div class="page-actions">
            {!readOnly && (
              <>
                <Button variant="primary" onClick={() => void save()} busy={saving.value}>
                  {isNew ? 'Create survey' : 'Save'}
                </Button>
                {!isNew && (
                  <Button onClick={() => void save(!active)} busy={saving.value}>
                    {active ? 'Pause' : 'Publish'}
                  </Button>
                )}
              </>
            )}
            {model.valid.value && <Button onClick={() => downloadSurvey(model.valid.value!)}>Export JSON</Button>}
          </div>
        </div>
        {readOnly && <p class="notice">Your role can look at this survey but not change it.</p>}
        {!readOnly && model.dirty.value && <p class="field-hint">Unsaved changes.</p>}
        <ProblemList issues={model.issues.value} expanded={showProblems.value} />
        <div class="editor-layout">
          <form class="editor-form" onSubmit={(event) => (event.preventDefault(), void save())} aria-label="Survey">
            <fieldset disabled={readOnly} class="editor-fieldset">
              <section class="editor-section" aria-labelledby="basics-heading">
                <h2 id="basics-heading">Basics</h2>
                <div class="field-row">
                  <TextField label="Name" path={['name']} keepEmpty />
                  {isNew ? (
                    <TextField label="Survey id" path={['id']} keepEmpty hint="Used by show(id) and in exports; it cannot change later." />
                  ) : (
                    <div class="field">
                      <span class="field-label">Survey id</span>
                      <code class="survey-id">{String(draft.id)}</code>
                    </div>
                  )}
                </div>
              </section>
              <QuestionsSection onEditing={(step) => (editing.value = { step })} />
              <TriggersSection />
              <AudienceSection />
              <LookSection onEditing={(step) => (editing.value = { step })} />
              <TranslationsSection onEditing={(step, locale) => (editing.value = { step, locale })} />
              <FollowUpSection routingChoices={{ teams: loaded.teams, members: loaded.members }} />
            </fieldset>
          </form>
          <PreviewPanel draft={draft} step={editing.value.step} locale={editing.value.locale} languages={languages} />
        </div>
      </section>
    </DraftContext.Provider>
  );
}
