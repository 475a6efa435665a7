import { computed, signal } from '@preact/signals';
import { SurveyDefinition } from '@closeloop/sdk/schemas';
import type { ErrorIssue, SurveyDefinitionInput } from '@closeloop/sdk/schemas';
import { getAt, moveAt, pathKey, removeAt, setAt } from './draft-path.js';
import type { DraftPath } from './draft-path.js';

/** A survey as the editor holds it: whatever the fields hold so far, valid or not. */
export type Draft = Record<string, unknown>;

/**
 * The survey being edited, and its problems. The problems come from `SurveyDefinition.safeParse` of the whole
 * draft, the very schema the server and the widget parse with, so the editor never calls valid what the server
 * refuses; a 422 from the server (a routing rule naming a deleted team) adds its issues, each kept until the field
 * it names is edited. Issues are keyed by dotted path (`questions.0.prompt`), as both zod and the server name them.
 */
export function createSurveyDraft(initial: Draft, { extraIssues = () => [] }: { extraIssues?: (draft: Draft) => ErrorIssue[] } = {}) {
  const draft = signal<Draft>(initial);
  const serverIssues = signal<ErrorIssue[]>([]);
  /** Whether the draft differs from what was loaded or last saved. */
  const dirty = signal(false);
  const parsed = computed(() => SurveyDefinition.safeParse(draft.value));
  const issues = computed<ErrorIssue[]>(() => {
    const result = parsed.value;
    const own = result.success ? [] : result.error.issues.map((issue) => ({ path: pathKey(issue.path) || '(root)', message: issue.message }));
    return [...own, ...extraIssues(draft.value), ...serverIssues.value];
  });
  const byPath = computed(() => {
    const map = new Map<string, string>();
    for (const issue of issues.value) if (!map.has(issue.path)) map.set(issue.path, issue.message);
    return map;
  });

  function update(next: Draft, touched: DraftPath) {
    draft.value = next;
    dirty.value = true;
    const key = pathKey(touched);
    if (serverIssues.value.length > 0) serverIssues.value = serverIssues.value.filter((issue) => issue.path !== key && !issue.path.startsWith(`${key}.`));
  }

  return {
    draft,
    dirty,
    issues,
    /**
     * The survey with the schema's defaults applied, when the schema and the editor's own checks pass. The server's
     * issues do not block a new attempt: it checks again, and one it named on a field nobody can edit must not
     * leave the survey unsaveable.
     */
    valid: computed<SurveyDefinition | undefined>(() =>
      parsed.value.success && extraIssues(draft.value).length === 0 ? parsed.value.data : undefined,
    ),
    get: (path: DraftPath) => getAt(draft.value, path),
    /** The problem with the value at `path` itself, if any. */
    errorAt: (path: DraftPath) => byPath.value.get(pathKey(path)),
    set: (path: DraftPath, value: unknown) => update(setAt(draft.value, path, value), path),
    remove: (path: DraftPath, index: number) => update(removeAt(draft.value, path, index), path),
    move: (path: DraftPath, from: number, to: number) => update(moveAt(draft.value, path, from, to), path),
    /** Issues the server found with a save (a 422), shown beside their fields like the schema's own. */
    reject: (found: readonly ErrorIssue[]) => (serverIssues.value = [...found]),
    /** The draft is what the server holds now. */
    saved(survey: SurveyDefinitionInput) {
      draft.value = survey as Draft;
      serverIssues.value = [];
      dirty.value = false;
    },
  };
}
export type SurveyDraft = ReturnType<typeof createSurveyDraft>;
