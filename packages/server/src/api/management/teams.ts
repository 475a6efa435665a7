import { Hono } from 'hono';
import { TeamInput, TeamPatch, Uuid } from '@closeloop/sdk/schemas';
import type { TeamList } from '@closeloop/sdk/schemas';
import { z } from 'zod';
import type { AppEnv } from '../../app-env.js';
import { HttpError } from '../../http/http-error.js';
import { readJsonBody } from '../../http/read-json-body.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import { requirePermission } from '../../middleware/require-permission/index.js';
import { saveTeam } from '../../people/save-team.js';
import type { SaveTeamOutcome } from '../../people/save-team.js';
import { listTeams } from '../../repos/teams.js';
import type { ManagementApiOptions } from './options.js';

const TeamPath = z.object({ id: Uuid });

function savedTeam(result: SaveTeamOutcome) {
  switch (result.outcome) {
    case 'saved':
      return result.team;
    case 'not_found':
      throw HttpError.field(404, 'team_not_found', 'id', 'the project has no such team');
    case 'name_taken':
      throw HttpError.field(409, 'team_exists', 'name', 'another team of the project has this name');
    case 'unknown_member':
      throw HttpError.field(422, 'unknown_member', `memberIds.${result.index}`, `no member of the project has the id ${result.id}`);
  }
}

/** `/api/v1/teams`: groups of members that cases belong to. */
export function teamsApi({ db, now }: ManagementApiOptions): Hono<AppEnv> {
  return (
    new Hono<AppEnv>()
      /** `GET /api/v1/teams`: the project's teams, by name, each with its members. */
      .get('/', requirePermission('teams:read'), async (c) => {
        const body: TeamList = { data: await listTeams(db.kysely, c.get('principal').project.id) };
        return c.json(body);
      })

      /** `POST /api/v1/teams`: creates a team of live members; 422 naming `memberIds.<i>` for one that is not. */
      .post('/', requirePermission('teams:write'), async (c) => {
        const values = parseOrThrow(TeamInput, await readJsonBody(c), 'team');
        return c.json(savedTeam(await saveTeam(db.kysely, { projectId: c.get('principal').project.id, values, now: now() })), 201);
      })

      /** `PATCH /api/v1/teams/:id`: renames the team and/or replaces its member list. */
      .patch('/:id', requirePermission('teams:write'), async (c) => {
        const { id } = parseOrThrow(TeamPath, c.req.param(), 'path');
        const values = parseOrThrow(TeamPatch, await readJsonBody(c), 'team');
        return c.json(savedTeam(await saveTeam(db.kysely, { projectId: c.get('principal').project.id, teamId: id, values, now: now() })));
      })
  );
}
