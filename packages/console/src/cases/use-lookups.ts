import { useSignal } from '@preact/signals';
import type { Member, Question, SurveyDefinition, Team } from '@closeloop/sdk/schemas';
import { useEffect } from 'preact/hooks';
import type { Services } from '../services.js';

export interface Lookups {
  members: Member[];
  teams: Team[];
  surveys: SurveyDefinition[];
}

/**
 * The project's members, teams and surveys, read once per page: names for ids, and the options of the pickers and
 * filters. `error` says what could not be read (ids are then shown as they are).
 */
export function useLookups(api: Services['api']) {
  const lookups = useSignal<Lookups>({ members: [], teams: [], surveys: [] });
  const error = useSignal<string | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([api.members.list(), api.teams.list(), api.surveys.list()]).then(
      ([members, teams, surveys]) => {
        if (live) lookups.value = { members, teams, surveys };
      },
      (failure: unknown) => {
        if (live) error.value = `Names of members, teams and surveys could not be read: ${failure instanceof Error ? failure.message : String(failure)}`;
      },
    );
    return () => {
      live = false;
    };
  }, [api]);
  return { lookups, error };
}

export function memberName(lookups: Lookups, id: string | null): string {
  if (id === null) return 'Unassigned';
  return lookups.members.find((member) => member.id === id)?.name ?? id;
}

export function teamName(lookups: Lookups, id: string | null): string {
  if (id === null) return 'No team';
  return lookups.teams.find((team) => team.id === id)?.name ?? id;
}

export function questionOf(lookups: Lookups) {
  return (surveyId: string, questionId: string): Question | undefined =>
    lookups.surveys.find((survey) => survey.id === surveyId)?.questions.find((question) => question.id === questionId);
}
