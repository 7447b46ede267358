import { idParams, ok, page } from '../../../core/schemas/common';
import {
  createPersonBody,
  createTimeOffBody,
  person,
  personListQuery,
  timeOff,
  timeOffParams,
  updatePersonBody,
} from '../../../core/schemas/people';
import type { Deps } from '../../deps';
import { actorOf } from '../../http/auth';
import type { App } from '../../http/types';
import { addTimeOff } from './add-time-off';
import { createPerson } from './create-person';
import { deletePerson } from './delete-person';
import { deleteTimeOff } from './delete-time-off';
import { getPerson } from './get-person';
import { listPeople } from './list-people';
import { updatePerson } from './update-person';

const tags = ['people'];

export function peopleRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/people',
    { schema: { tags, querystring: personListQuery, response: { 200: page(person) } } },
    async (request) => listPeople(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/people',
    { schema: { tags, body: createPersonBody, response: { 201: person } } },
    async (request, reply) =>
      reply.status(201).send(await createPerson(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/people/:id',
    { schema: { tags, params: idParams, response: { 200: person } } },
    async (request) => getPerson(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/people/:id',
    { schema: { tags, params: idParams, body: updatePersonBody, response: { 200: person } } },
    async (request) => updatePerson(deps, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/people/:id',
    { schema: { tags, params: idParams, response: { 200: ok } } },
    async (request) => {
      await deletePerson(deps, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/people/:id/time-off',
    { schema: { tags, params: idParams, body: createTimeOffBody, response: { 201: timeOff } } },
    async (request, reply) =>
      reply.status(201).send(await addTimeOff(deps, actorOf(request), request.params.id, request.body)),
  );
  app.delete(
    '/api/people/:id/time-off/:timeOffId',
    { schema: { tags, params: timeOffParams, response: { 200: ok } } },
    async (request) => {
      await deleteTimeOff(deps, actorOf(request), request.params.id, request.params.timeOffId);
      return { ok: true as const };
    },
  );
}
