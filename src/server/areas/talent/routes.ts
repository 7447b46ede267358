import { idParams, pageQuery } from '../../../core/schemas/common';
import {
  createTalentReviewBody,
  emergingLeaders,
  personTalent,
  talentGrid,
  talentReview,
} from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { actorOf } from '../../http/auth';
import type { App } from '../../http/types';
import { getTalentGrid } from './get-talent-grid';
import { listEmergingLeaders } from './list-emerging-leaders';
import { getPersonTalent, placeInNineBox } from './person-talent';

const tags = ['talent'];

export function talentRoutes(app: App, deps: Deps): void {
  app.get('/api/talent', { schema: { tags, response: { 200: talentGrid } } }, async (request) =>
    getTalentGrid(deps, actorOf(request)),
  );
  app.get(
    '/api/talent/emerging-leaders',
    { schema: { tags, querystring: pageQuery, response: { 200: emergingLeaders } } },
    async (request) => listEmergingLeaders(deps, actorOf(request), request.query),
  );
  app.get(
    '/api/people/:id/talent',
    { schema: { tags, params: idParams, response: { 200: personTalent } } },
    async (request) => getPersonTalent(deps, actorOf(request), request.params.id),
  );
  app.post(
    '/api/people/:id/talent',
    { schema: { tags, params: idParams, body: createTalentReviewBody, response: { 201: talentReview } } },
    async (request, reply) =>
      reply.status(201).send(await placeInNineBox(deps, actorOf(request), request.params.id, request.body)),
  );
}
