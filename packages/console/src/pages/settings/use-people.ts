import { useServices } from '../../services.js';
import { useLoaded } from './use-loaded.js';

/** Members and teams, read together: teams and routing rules pick from the members, and a removed member leaves teams. */
export function usePeople() {
  const { api } = useServices();
  return useLoaded(async () => {
    const [members, teams] = await Promise.all([api.members.list(), api.teams.list()]);
    return { members, teams };
  });
}
export type PeopleModel = ReturnType<typeof usePeople>;
