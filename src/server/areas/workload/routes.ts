import { workload, workloadQuery } from '../../../core/schemas/planning';
import type { Deps } from '../../deps';
import { actorOf } from '../../http/auth';
import type { App } from '../../http/types';
import { getWorkload } from './get-workload';

export function workloadRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/workload',
    {
      schema: {
        tags: ['planning'],
        summary: 'Hours per person per week against capacity, and skill demand against supply',
        querystring: workloadQuery,
        response: { 200: workload },
      },
    },
    async (request) => getWorkload(deps, actorOf(request), request.query),
  );
}
