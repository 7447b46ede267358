import { idParams, ok, page, pageQuery } from '../../../core/schemas/common';
import {
  createMilestoneBody,
  growthPlan,
  mentee,
  milestone,
  milestoneParams,
  putGrowthPlanBody,
  updateMilestoneBody,
} from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { actorOf } from '../../http/auth';
import type { App } from '../../http/types';
import { getGrowthPlan } from './get-growth-plan';
import { listMentees } from './list-mentees';
import { addMilestone, deleteMilestone, updateMilestone } from './milestones';
import { putGrowthPlan } from './put-growth-plan';

const tags = ['growth'];

export function growthRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/people/:id/growth-plan',
    { schema: { tags, params: idParams, response: { 200: growthPlan } } },
    async (request) => getGrowthPlan(deps, actorOf(request), request.params.id),
  );
  app.put(
    '/api/people/:id/growth-plan',
    { schema: { tags, params: idParams, body: putGrowthPlanBody, response: { 200: growthPlan } } },
    async (request) => putGrowthPlan(deps, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/people/:id/growth-plan/milestones',
    { schema: { tags, params: idParams, body: createMilestoneBody, response: { 201: milestone } } },
    async (request, reply) =>
      reply.status(201).send(await addMilestone(deps, actorOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/people/:id/growth-plan/milestones/:milestoneId',
    { schema: { tags, params: milestoneParams, body: updateMilestoneBody, response: { 200: milestone } } },
    async (request) =>
      updateMilestone(deps, actorOf(request), request.params.id, request.params.milestoneId, request.body),
  );
  app.delete(
    '/api/people/:id/growth-plan/milestones/:milestoneId',
    { schema: { tags, params: milestoneParams, response: { 200: ok } } },
    async (request) => {
      await deleteMilestone(deps, actorOf(request), request.params.id, request.params.milestoneId);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/mentees',
    { schema: { tags, querystring: pageQuery, response: { 200: page(mentee) } } },
    async (request) => listMentees(deps, actorOf(request), request.query),
  );
}
