import { idParams, ok, page, pageQueryLarge } from '../../../core/schemas/common';
import { client, createClientBody, updateClientBody } from '../../../core/schemas/people';
import type { Deps } from '../../deps';
import { actorOf } from '../../http/auth';
import type { App } from '../../http/types';
import { createClient } from './create-client';
import { deleteClient } from './delete-client';
import { listClients } from './list-clients';
import { updateClient } from './update-client';

const tags = ['clients'];

export function clientsRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/clients',
    { schema: { tags, querystring: pageQueryLarge, response: { 200: page(client) } } },
    async (request) => listClients(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/clients',
    { schema: { tags, body: createClientBody, response: { 201: client } } },
    async (request, reply) =>
      reply.status(201).send(await createClient(deps, actorOf(request), request.body)),
  );
  app.patch(
    '/api/clients/:id',
    { schema: { tags, params: idParams, body: updateClientBody, response: { 200: client } } },
    async (request) => updateClient(deps, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/clients/:id',
    { schema: { tags, params: idParams, response: { 200: ok } } },
    async (request) => {
      await deleteClient(deps, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
