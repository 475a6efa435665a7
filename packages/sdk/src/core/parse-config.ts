import type { AnsweredSurvey } from '../schemas/answered-survey.js';
import { CONFIG_VERSION } from '../schemas/config-version.js';
import type { SurveyDefinition } from '../schemas/survey-definition.js';
import type { Trigger, TriggerType } from '../schemas/trigger.js';
import { isRecord } from './is-record.js';
import { warn } from './warn.js';

export interface Config {
  surveys: SurveyDefinition[];
  /** What the server knows the identified user answered (empty unless the config was asked with a valid signature). */
  answered: AnsweredSurvey[];
}

/**
 * The active surveys of a `GET /v1/config` reply. The core carries no zod (it loads on every page view), so it
 * trusts the server's validated shape once `configVersion` matches, and guards only what it reads itself:
 * survey ids, questions, triggers, targeting and frequency. Malformed surveys are left out; unknown trigger types
 * are ignored so a newer server does not break an older cached core.
 *
 * @throws Error when the reply is not a config this core understands.
 */
export function parseConfig(body: unknown): Config {
  if (!isRecord(body) || body.configVersion !== CONFIG_VERSION || !Array.isArray(body.surveys)) {
    const version = isRecord(body) ? String(body.configVersion) : 'none';
    throw new Error(`config version ${version} is not ${CONFIG_VERSION}`);
  }
  const surveys: SurveyDefinition[] = [];
  for (const survey of body.surveys as unknown[]) {
    if (isSurvey(survey)) {
      if (survey.active !== false) surveys.push({ ...survey, triggers: survey.triggers.filter(isTrigger) });
    } else {
      warn('left out a malformed survey');
    }
  }
  // Entries are only compared and parsed as dates by the caps, so a record is all they need to be.
  const answered = Array.isArray(body.answered) ? (body.answered as unknown[]).filter((a): a is AnsweredSurvey => isRecord(a)) : [];
  return { surveys, answered };
}

const optionalRecord = (value: unknown) => value === undefined || isRecord(value);

function isSurvey(value: unknown): value is SurveyDefinition {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    Array.isArray(value.questions) &&
    value.questions.length > 0 &&
    value.questions.every((q) => isRecord(q) && typeof q.id === 'string' && typeof q.type === 'string') &&
    Array.isArray(value.triggers) &&
    // A survey whose audience this core cannot read must not show to everyone: it is left out instead.
    optionalRecord(value.targeting) &&
    optionalRecord(value.frequency)
  );
}

/**
 * The field each trigger type cannot work without. The rest is optional or defaulted by the server's schema, and
 * the config version vouches for its shape; a trigger of an unknown type (from a newer server) is dropped. A
 * Record over TriggerType: a type added to the contract fails the build here until its field is named.
 */
const REQUIRED: Record<TriggerType, string> = {
  'exit-intent': 'type',
  dwell: 'seconds',
  scroll: 'percent',
  click: 'selector',
  'page-view': 'urls',
  event: 'name',
  visits: 'type',
};

function isTrigger(value: unknown): value is Trigger {
  const field = isRecord(value) && REQUIRED[value.type as TriggerType];
  return !!field && value[field] != null;
}
