import { idParams, ok, page, pageQueryLarge } from '../../../core/schemas/common';
import {
  createPillarBody,
  organization,
  pillar,
  strategyMap,
  updateOrganizationBody,
  updatePillarBody,
} from '../../../core/schemas/spine';
import type { Deps } from '../../deps';
import { actorOf } from '../../http/auth';
import type { App } from '../../http/types';
import { getStrategyMap } from './get-strategy-map';
import { getOrganization } from './get-organization';
import { updateOrganization } from './update-organization';
import { createPillar, deletePillar, listPillarPage, updatePillar } from './pillars';

const tags = ['strategy'];

export function strategyRoutes(app: App, deps: Deps): void {
  app.get('/api/organization', { schema: { tags, response: { 200: organization } } }, async (req) =>
    getOrganization(deps, actorOf(req)),
  );
  app.patch(
    '/api/organization',
    { schema: { tags, body: updateOrganizationBody, response: { 200: organization } } },
    async (req) => updateOrganization(deps, actorOf(req), req.body),
  );
  app.get('/api/strategy', { schema: { tags, response: { 200: strategyMap } } }, async (req) =>
    getStrategyMap(deps, actorOf(req)),
  );
  app.get(
    '/api/pillars',
    { schema: { tags, querystring: pageQueryLarge, response: { 200: page(pillar) } } },
    async (req) => listPillarPage(deps, actorOf(req), req.query),
  );
  app.post(
    '/api/pillars',
    { schema: { tags, body: createPillarBody, response: { 201: pillar } } },
    async (req, reply) => reply.status(201).send(await createPillar(deps, actorOf(req), req.body)),
  );
  app.patch(
    '/api/pillars/:id',
    { schema: { tags, params: idParams, body: updatePillarBody, response: { 200: pillar } } },
    async (req) => updatePillar(deps, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/pillars/:id',
    { schema: { tags, params: idParams, response: { 200: ok } } },
    async (req) => {
      await deletePillar(deps, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
