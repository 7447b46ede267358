import { idParams, ok, page, pageQueryLarge } from '../../../core/schemas/common';
import {
  createKudosBody,
  createOrgValueBody,
  kudos,
  kudosListQuery,
  orgValue,
  recognition,
  updateOrgValueBody,
} from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { actorOf } from '../../http/auth';
import type { App } from '../../http/types';
import { deleteKudos } from './delete-kudos';
import { getRecognition } from './get-recognition';
import { giveKudos } from './give-kudos';
import { listKudos } from './list-kudos';
import { createValue, deleteValue, listValues, updateValue } from './values';

const tags = ['kudos'];

export function kudosRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/values',
    { schema: { tags, querystring: pageQueryLarge, response: { 200: page(orgValue) } } },
    async (request) => listValues(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/values',
    { schema: { tags, body: createOrgValueBody, response: { 201: orgValue } } },
    async (request, reply) => reply.status(201).send(await createValue(deps, actorOf(request), request.body)),
  );
  app.patch(
    '/api/values/:id',
    { schema: { tags, params: idParams, body: updateOrgValueBody, response: { 200: orgValue } } },
    async (request) => updateValue(deps, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/values/:id',
    { schema: { tags, params: idParams, response: { 200: ok } } },
    async (request) => {
      await deleteValue(deps, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/kudos',
    { schema: { tags, querystring: kudosListQuery, response: { 200: page(kudos) } } },
    async (request) => listKudos(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/kudos',
    { schema: { tags, body: createKudosBody, response: { 201: kudos } } },
    async (request, reply) => reply.status(201).send(await giveKudos(deps, actorOf(request), request.body)),
  );
  app.delete(
    '/api/kudos/:id',
    { schema: { tags, params: idParams, response: { 200: ok } } },
    async (request) => {
      await deleteKudos(deps, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/people/:id/recognition',
    { schema: { tags, params: idParams, response: { 200: recognition } } },
    async (request) => getRecognition(deps, actorOf(request), request.params.id),
  );
}
