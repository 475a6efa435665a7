import { CONFIG_VERSION } from '../schemas/config-version.js';
import type { SurveyDefinition } from '../schemas/survey-definition.js';
import type { Trigger } from '../schemas/trigger.js';
import { isRecord } from './is-record.js';
import { warn } from './warn.js';

/**
 * The active surveys of a `GET /v1/config` reply. The core carries no zod (it loads on every page view), so it
 * trusts the server's validated shape once `configVersion` matches, and guards only what it reads itself:
 * survey ids, questions, and triggers. Malformed surveys are left out; unknown trigger types are ignored so a
 * newer server does not break an older cached core.
 *
 * @throws Error when the reply is not a config this core understands.
 */
export function parseConfig(body: unknown): SurveyDefinition[] {
  if (!isRecord(body) || body.configVersion !== CONFIG_VERSION || !Array.isArray(body.surveys)) {
    const version = isRecord(body) ? String(body.configVersion) : 'none';
    throw new Error(`config version ${version} is not ${CONFIG_VERSION}; update @closeloop/sdk or the server`);
  }
  const surveys: SurveyDefinition[] = [];
  for (const survey of body.surveys as unknown[]) {
    if (isSurvey(survey)) {
      if (survey.active !== false) surveys.push({ ...survey, triggers: survey.triggers.filter(isTrigger) });
    } else {
      warn('the config holds a malformed survey; it is left out');
    }
  }
  return surveys;
}

function isSurvey(value: unknown): value is SurveyDefinition {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    Array.isArray(value.questions) &&
    value.questions.length > 0 &&
    value.questions.every((q) => isRecord(q) && typeof q.id === 'string' && typeof q.type === 'string') &&
    Array.isArray(value.triggers)
  );
}

function isTrigger(value: unknown): value is Trigger {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'exit-intent':
      return true;
    case 'dwell':
      return typeof value.seconds === 'number' && value.seconds > 0;
    case 'event':
      return typeof value.name === 'string';
  }
  return false;
}
