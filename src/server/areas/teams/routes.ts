import { idParams, ok, page, pageQueryLarge } from '../../../core/schemas/common';
import { createTeamBody, team, updateTeamBody } from '../../../core/schemas/people';
import type { Deps } from '../../deps';
import { actorOf } from '../../http/auth';
import type { App } from '../../http/types';
import { createTeam } from './create-team';
import { deleteTeam } from './delete-team';
import { listTeams } from './list-teams';
import { updateTeam } from './update-team';

const tags = ['teams'];

export function teamsRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/teams',
    { schema: { tags, querystring: pageQueryLarge, response: { 200: page(team) } } },
    async (request) => listTeams(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/teams',
    { schema: { tags, body: createTeamBody, response: { 201: team } } },
    async (request, reply) => reply.status(201).send(await createTeam(deps, actorOf(request), request.body)),
  );
  app.patch(
    '/api/teams/:id',
    { schema: { tags, params: idParams, body: updateTeamBody, response: { 200: team } } },
    async (request) => updateTeam(deps, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/teams/:id',
    { schema: { tags, params: idParams, response: { 200: ok } } },
    async (request) => {
      await deleteTeam(deps, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
