import { idParams, ok, page } from '../../../core/schemas/common';
import { createProjectBody, updateProjectBody, project, projectListQuery } from '../../../core/schemas/work';
import type { Deps } from '../../deps';
import { actorOf } from '../../http/auth';
import type { App } from '../../http/types';
import { createProject } from './create-project';
import { deleteProject } from './delete-project';
import { getProject } from './get-project';
import { listProjects } from './list-projects';
import { updateProject } from './update-project';

const tags = ['projects'];

export function projectsRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/projects',
    { schema: { tags, querystring: projectListQuery, response: { 200: page(project) } } },
    async (request) => listProjects(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/projects',
    { schema: { tags, body: createProjectBody, response: { 201: project } } },
    async (request, reply) =>
      reply.status(201).send(await createProject(deps, actorOf(request), request.body)),
  );
  app.get(
    '/api/projects/:id',
    { schema: { tags, params: idParams, response: { 200: project } } },
    async (request) => getProject(deps, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/projects/:id',
    { schema: { tags, params: idParams, body: updateProjectBody, response: { 200: project } } },
    async (request) => updateProject(deps, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/projects/:id',
    { schema: { tags, params: idParams, response: { 200: ok } } },
    async (request) => {
      await deleteProject(deps, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
