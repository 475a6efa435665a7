import type { SurveyDefinition } from '../schemas/survey-definition.js';
import type { Trigger } from '../schemas/trigger.js';

/** A survey as the server sends it (defaults filled in): one NPS question and one text question. */
export function survey(id: string, triggers: Trigger[] = []): SurveyDefinition {
  return {
    id,
    name: `Survey ${id}`,
    active: true,
    questions: [
      { id: 'score', type: 'nps', prompt: 'How likely are you to recommend us?', required: true, lowLabel: 'Not likely', highLabel: 'Very likely' },
      { id: 'why', type: 'text', prompt: 'Why?', required: false, multiline: true, maxLength: 1000 },
    ],
    triggers,
    thankYou: { title: 'Thank you!' },
    followUp: { enabled: true },
  };
}
