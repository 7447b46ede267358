import { idParams, ok, page, pageQuery } from '../../../core/schemas/common';
import {
  createTaskBody,
  createTimeEntryBody,
  task,
  taskListQuery,
  timeEntry,
  updateTaskBody,
} from '../../../core/schemas/work';
import type { Deps } from '../../deps';
import { actorOf } from '../../http/auth';
import type { App } from '../../http/types';
import { createTask } from './create-task';
import { deleteTask } from './delete-task';
import { deleteTimeEntry } from './delete-time-entry';
import { getTask } from './get-task';
import { listTasks } from './list-tasks';
import { listTimeEntries } from './list-time-entries';
import { logTime } from './log-time';
import { updateTask } from './update-task';

const tags = ['tasks'];

export function tasksRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/tasks',
    { schema: { tags, querystring: taskListQuery, response: { 200: page(task) } } },
    async (request) => listTasks(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/tasks',
    { schema: { tags, body: createTaskBody, response: { 201: task } } },
    async (request, reply) => reply.status(201).send(await createTask(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/tasks/:id',
    { schema: { tags, params: idParams, response: { 200: task } } },
    async (request) => getTask(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/tasks/:id',
    { schema: { tags, params: idParams, body: updateTaskBody, response: { 200: task } } },
    async (request) => updateTask(deps, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/tasks/:id',
    { schema: { tags, params: idParams, response: { 200: ok } } },
    async (request) => {
      await deleteTask(deps, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/tasks/:id/time-entries',
    { schema: { tags, params: idParams, querystring: pageQuery, response: { 200: page(timeEntry) } } },
    async (request) => listTimeEntries(deps, actorOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/tasks/:id/time-entries',
    { schema: { tags, params: idParams, body: createTimeEntryBody, response: { 201: timeEntry } } },
    async (request, reply) =>
      reply.status(201).send(await logTime(deps, actorOf(request), request.params.id, request.body)),
  );
  app.delete(
    '/api/time-entries/:id',
    { schema: { tags, params: idParams, response: { 200: ok } } },
    async (request) => {
      await deleteTimeEntry(deps, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
