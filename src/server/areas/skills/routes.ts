import { page, pageQueryLarge } from '../../../core/schemas/common';
import { createSkillBody, skill } from '../../../core/schemas/people';
import type { Deps } from '../../deps';
import { actorOf } from '../../http/auth';
import type { App } from '../../http/types';
import { createSkill } from './create-skill';
import { listSkills } from './list-skills';

const tags = ['skills'];

export function skillsRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/skills',
    { schema: { tags, querystring: pageQueryLarge, response: { 200: page(skill) } } },
    async (request) => listSkills(deps, actorOf(request), request.query),
  );
  app.post(
    '/api/skills',
    { schema: { tags, body: createSkillBody, response: { 201: skill } } },
    async (request, reply) => reply.status(201).send(await createSkill(deps, actorOf(request), request.body)),
  );
}
