import { z } from 'zod';
import { idParams } from '../../../core/schemas/common';
import {
  applyPlanBody,
  applyPlanResult,
  createPlanRunBody,
  planGroups,
  planGroupsQuery,
  proposalPage,
  planRun,
  planRunListQuery,
  proposalListQuery,
} from '../../../core/schemas/planning';
import { page } from '../../../core/schemas/common';
import type { Deps } from '../../deps';
import { actorOf } from '../../http/auth';
import type { App } from '../../http/types';
import { applyPlan } from './apply-plan';
import { cancelPlanRun } from './cancel-plan-run';
import { getPlanRun, listPlanRuns } from './get-plan-run';
import { listPlanGroups } from './list-plan-groups';
import { listProposals } from './list-proposals';
import { startPlanRun } from './start-plan-run';

const tags = ['planning'];

export function planningRoutes(app: App, deps: Deps): void {
  const planning = { db: deps.db, clock: deps.clock, dialect: deps.dialect, queue: deps.planQueue };

  app.post(
    '/api/plan-runs',
    {
      schema: {
        tags,
        summary: 'Plan projects (or the whole organization) in the background; poll the run for progress',
        body: createPlanRunBody,
        response: { 202: planRun },
      },
    },
    async (request, reply) => {
      const run = await startPlanRun(planning, actorOf(request), request.body);
      return reply.status(202).send(run);
    },
  );
  app.get(
    '/api/plan-runs',
    { schema: { tags, querystring: planRunListQuery, response: { 200: page(planRun) } } },
    async (request) => listPlanRuns(planning, actorOf(request), request.query),
  );
  app.get(
    '/api/plan-runs/:id',
    {
      schema: {
        tags,
        summary: 'A run: progress while it runs, figures when done',
        params: idParams,
        response: { 200: planRun },
      },
    },
    async (request) => getPlanRun(planning, actorOf(request), request.params.id),
  );
  app.get(
    '/api/plan-runs/:id/proposals',
    {
      schema: {
        tags,
        summary: 'The proposed plan beside the current one, task by task, with reasons',
        params: idParams,
        querystring: proposalListQuery,
        response: { 200: proposalPage },
      },
    },
    async (request) => listProposals(planning, actorOf(request), request.params.id, request.query),
  );
  app.get(
    '/api/plan-runs/:id/groups',
    {
      schema: {
        tags,
        summary: 'The proposal by project or by person: what changes in each and what it buys',
        params: idParams,
        querystring: planGroupsQuery,
        response: { 200: planGroups },
      },
    },
    async (request) => listPlanGroups(planning, actorOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/plan-runs/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Stop a run; it keeps the best plan found so far',
        params: idParams,
        body: z.object({}).optional(),
        response: { 200: planRun },
      },
    },
    async (request) => cancelPlanRun(planning, actorOf(request), request.params.id),
  );
  app.post(
    '/api/plan-runs/:id/apply',
    {
      schema: {
        tags,
        summary: 'Apply the whole plan or chosen rows, in one transaction; 409 when the data changed since',
        params: idParams,
        body: applyPlanBody,
        response: { 200: applyPlanResult },
      },
    },
    async (request) => applyPlan(planning, actorOf(request), request.params.id, request.body),
  );
}
