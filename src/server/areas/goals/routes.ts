import { z } from 'zod';
import { idParams, ok, page, pageQuery } from '../../../core/schemas/common';
import {
  checkIn,
  createCheckInBody,
  createGoalBody,
  decomposeBody,
  goal,
  goalDetail,
  goalListQuery,
  updateGoalBody,
} from '../../../core/schemas/spine';
import { project, task } from '../../../core/schemas/work';
import type { Deps } from '../../deps';
import { actorOf } from '../../http/auth';
import type { App } from '../../http/types';
import { createCheckIn, listCheckIns } from './check-ins';
import { createGoal } from './create-goal';
import { decomposeGoal } from './decompose-goal';
import { deleteGoal } from './delete-goal';
import { getGoal } from './get-goal';
import { listGoals } from './list-goals';
import { updateGoal } from './update-goal';

const tags = ['goals'];

export function goalsRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/goals',
    { schema: { tags, querystring: goalListQuery, response: { 200: page(goal) } } },
    async (req) => listGoals(deps, actorOf(req), req.query),
  );
  app.post(
    '/api/goals',
    { schema: { tags, body: createGoalBody, response: { 201: goalDetail } } },
    async (req, reply) => reply.status(201).send(await createGoal(deps, actorOf(req), req.body)),
  );
  app.get(
    '/api/goals/:id',
    { schema: { tags, params: idParams, response: { 200: goalDetail } } },
    async (req) => getGoal(deps, actorOf(req), req.params.id),
  );
  app.patch(
    '/api/goals/:id',
    { schema: { tags, params: idParams, body: updateGoalBody, response: { 200: goalDetail } } },
    async (req) => updateGoal(deps, actorOf(req), req.params.id, req.body),
  );
  app.delete('/api/goals/:id', { schema: { tags, params: idParams, response: { 200: ok } } }, async (req) => {
    await deleteGoal(deps, actorOf(req), req.params.id);
    return { ok: true as const };
  });
  app.get(
    '/api/goals/:id/check-ins',
    { schema: { tags, params: idParams, querystring: pageQuery, response: { 200: page(checkIn) } } },
    async (req) => listCheckIns(deps, actorOf(req), req.params.id, req.query),
  );
  app.post(
    '/api/goals/:id/check-ins',
    { schema: { tags, params: idParams, body: createCheckInBody, response: { 201: checkIn } } },
    async (req, reply) =>
      reply.status(201).send(await createCheckIn(deps, actorOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/goals/:id/decompose',
    {
      schema: {
        tags,
        params: idParams,
        body: decomposeBody,
        response: { 201: z.object({ projects: z.array(project), tasks: z.array(task) }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await decomposeGoal(deps, actorOf(req), req.params.id, req.body)),
  );
}
