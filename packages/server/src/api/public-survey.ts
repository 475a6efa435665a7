import type { SurveyDefinition } from '@closeloop/sdk/schemas';

/**
 * A survey as `/v1/config` hands it to every visitor: without its routing rules and due time, which name the
 * project's teams and members and which customers it values most, and which no browser needs (the widget reads
 * `followUp` only to know whether an answer opens a case).
 */
export function publicSurvey({ followUp: { routing: _routing, dueIn: _dueIn, ...followUp }, ...survey }: SurveyDefinition): SurveyDefinition {
  return { ...survey, followUp };
}
