import { SurveyDefinition } from '@closeloop/sdk/schemas';
import type { ErrorIssue } from '@closeloop/sdk/schemas';
import { pathKey } from './draft-path.js';

export type ImportResult = { ok: true; survey: SurveyDefinition } | { ok: false; issues: ErrorIssue[] };

/**
 * A survey from JSON text (a file exported from here, or written by hand): parsed with `SurveyDefinition`, the
 * schema the server applies to a PUT, so what passes here saves. Every problem is named by its field
 * (`questions.0.prompt`); text that is not JSON gets one issue saying where it broke.
 */
export function parseSurveyJson(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: '(file)', message: `is not JSON: ${(error as Error).message}` }] };
  }
  const parsed = SurveyDefinition.safeParse(data);
  if (parsed.success) return { ok: true, survey: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: pathKey(issue.path) || '(root)', message: issue.message })) };
}

/** The survey as a file to keep in a repository: two-space JSON, named after its id. */
export function surveyFile(survey: SurveyDefinition): { name: string; text: string } {
  return { name: `survey-${survey.id}.json`, text: `${JSON.stringify(survey, null, 2)}\n` };
}

/** Saves `survey` as a JSON file through the browser's download. */
export function downloadSurvey(survey: SurveyDefinition, doc: Document = document): void {
  const { name, text } = surveyFile(survey);
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
