import { idParams, ok, page } from '../../../core/schemas/common';
import {
  actionItem,
  agendaItem,
  createActionItemBody,
  createAgendaItemBody,
  createMeetingBody,
  createNoteBody,
  createOneOnOneBody,
  itemParams,
  meetingDetail,
  meetingParams,
  noteParams,
  oneOnOne,
  oneOnOneDetail,
  oneOnOneListQuery,
  oneOnOneNote,
  updateActionItemBody,
  updateAgendaItemBody,
  updateMeetingBody,
  updateNoteBody,
  updateOneOnOneBody,
} from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { actorOf } from '../../http/auth';
import type { App } from '../../http/types';
import { addActionItem, deleteActionItem, updateActionItem } from './action-items';
import { addAgendaItem, deleteAgendaItem, updateAgendaItem } from './agenda-items';
import { createOneOnOne } from './create-one-on-one';
import { getOneOnOne } from './get-one-on-one';
import { listOneOnOnes } from './list-one-on-ones';
import { createMeeting, getMeeting, updateMeeting } from './meetings';
import { addNote, deleteNote, updateNote } from './notes';
import { updateOneOnOne } from './update-one-on-one';

const tags = ['one-on-ones'];
const done = { ok: true as const };

/** Every route answers 404 to anyone but the two participants. */
export function oneOnOnesRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/one-on-ones',
    { schema: { tags, querystring: oneOnOneListQuery, response: { 200: page(oneOnOne) } } },
    async (request) => listOneOnOnes(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/one-on-ones',
    { schema: { tags, body: createOneOnOneBody, response: { 201: oneOnOneDetail } } },
    async (request, reply) =>
      reply.status(201).send(await createOneOnOne(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/one-on-ones/:id',
    { schema: { tags, params: idParams, response: { 200: oneOnOneDetail } } },
    async (request) => getOneOnOne(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/one-on-ones/:id',
    { schema: { tags, params: idParams, body: updateOneOnOneBody, response: { 200: oneOnOneDetail } } },
    async (request) => updateOneOnOne(deps, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/one-on-ones/:id/meetings',
    { schema: { tags, params: idParams, body: createMeetingBody, response: { 201: meetingDetail } } },
    async (request, reply) =>
      reply.status(201).send(await createMeeting(deps, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/one-on-ones/:id/meetings/:meetingId',
    { schema: { tags, params: meetingParams, response: { 200: meetingDetail } } },
    async (request) => getMeeting(deps, actorOf(request), request.params.id, request.params.meetingId),
  );
  app.patch(
    '/api/one-on-ones/:id/meetings/:meetingId',
    { schema: { tags, params: meetingParams, body: updateMeetingBody, response: { 200: meetingDetail } } },
    async (request) =>
      updateMeeting(deps, actorOf(request), request.params.id, request.params.meetingId, request.body),
  );
  app.post(
    '/api/one-on-ones/:id/meetings/:meetingId/agenda-items',
    { schema: { tags, params: meetingParams, body: createAgendaItemBody, response: { 201: agendaItem } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addAgendaItem(
            deps,
            actorOf(request),
            request.params.id,
            request.params.meetingId,
            request.body,
          ),
        ),
  );
  app.patch(
    '/api/one-on-ones/:id/agenda-items/:itemId',
    { schema: { tags, params: itemParams, body: updateAgendaItemBody, response: { 200: agendaItem } } },
    async (request) =>
      updateAgendaItem(deps, actorOf(request), request.params.id, request.params.itemId, request.body),
  );
  app.delete(
    '/api/one-on-ones/:id/agenda-items/:itemId',
    { schema: { tags, params: itemParams, response: { 200: ok } } },
    async (request) => {
      await deleteAgendaItem(deps, actorOf(request), request.params.id, request.params.itemId);
      return done;
    },
  );
  app.post(
    '/api/one-on-ones/:id/meetings/:meetingId/notes',
    { schema: { tags, params: meetingParams, body: createNoteBody, response: { 201: oneOnOneNote } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addNote(deps, actorOf(request), request.params.id, request.params.meetingId, request.body),
        ),
  );
  app.patch(
    '/api/one-on-ones/:id/notes/:noteId',
    { schema: { tags, params: noteParams, body: updateNoteBody, response: { 200: oneOnOneNote } } },
    async (request) =>
      updateNote(deps, actorOf(request), request.params.id, request.params.noteId, request.body),
  );
  app.delete(
    '/api/one-on-ones/:id/notes/:noteId',
    { schema: { tags, params: noteParams, response: { 200: ok } } },
    async (request) => {
      await deleteNote(deps, actorOf(request), request.params.id, request.params.noteId);
      return done;
    },
  );
  app.post(
    '/api/one-on-ones/:id/action-items',
    { schema: { tags, params: idParams, body: createActionItemBody, response: { 201: actionItem } } },
    async (request, reply) =>
      reply.status(201).send(await addActionItem(deps, actorOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/one-on-ones/:id/action-items/:itemId',
    { schema: { tags, params: itemParams, body: updateActionItemBody, response: { 200: actionItem } } },
    async (request) =>
      updateActionItem(deps, actorOf(request), request.params.id, request.params.itemId, request.body),
  );
  app.delete(
    '/api/one-on-ones/:id/action-items/:itemId',
    { schema: { tags, params: itemParams, response: { 200: ok } } },
    async (request) => {
      await deleteActionItem(deps, actorOf(request), request.params.id, request.params.itemId);
      return done;
    },
  );
}
