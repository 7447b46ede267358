import { idParams, page } from '../../../core/schemas/common';
import { forecastListQuery, forecastSummary, projectForecast } from '../../../core/schemas/planning';
import type { Deps } from '../../deps';
import { actorOf } from '../../http/auth';
import type { App } from '../../http/types';
import { getProjectForecast, listForecasts } from './get-forecasts';

const tags = ['planning'];

export function forecastsRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/projects/:id/forecast',
    {
      schema: {
        tags,
        summary:
          'Chance to meet the deadline, by simulating the plan with the history of estimate against actual',
        params: idParams,
        response: { 200: projectForecast },
      },
    },
    async (request) => getProjectForecast(deps, actorOf(request), request.params.id),
  );
  app.get(
    '/api/forecasts',
    {
      schema: {
        tags,
        summary: 'Deadline forecasts of your projects (or every live one), riskiest first',
        querystring: forecastListQuery,
        response: { 200: page(forecastSummary) },
      },
    },
    async (request) => listForecasts(deps, actorOf(request), request.query),
  );
}
