import { idParams, page } from '../../../core/schemas/common';
import { budgetSummary, forecastListQuery, projectBudget } from '../../../core/schemas/planning';
import type { Deps } from '../../deps';
import { actorOf } from '../../http/auth';
import type { App } from '../../http/types';
import { getProjectBudget, listBudgets } from './get-budgets';

const tags = ['planning'];

export function budgetsRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/projects/:id/budget',
    {
      schema: {
        tags,
        summary:
          'Logged and planned hours × rates against the budget: burn, forecast at completion, run-out date',
        params: idParams,
        response: { 200: projectBudget },
      },
    },
    async (request) => getProjectBudget(deps, actorOf(request), request.params.id),
  );
  app.get(
    '/api/budgets',
    {
      schema: {
        tags,
        summary: 'Budget summaries of your projects (or every live one), most burnt first',
        querystring: forecastListQuery,
        response: { 200: page(budgetSummary) },
      },
    },
    async (request) => listBudgets(deps, actorOf(request), request.query),
  );
}
