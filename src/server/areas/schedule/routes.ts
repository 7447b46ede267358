import { idParams } from '../../../core/schemas/common';
import { projectSchedule } from '../../../core/schemas/schedule';
import type { Deps } from '../../deps';
import { actorOf } from '../../http/auth';
import type { App } from '../../http/types';
import { getProjectSchedule } from './get-project-schedule';

export function scheduleRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/projects/:id/schedule',
    {
      schema: {
        tags: ['planning'],
        summary:
          'When the current plan does each open task of the project, to the hour, and which dependencies hold',
        params: idParams,
        response: { 200: projectSchedule },
      },
    },
    async (request) => getProjectSchedule(deps, actorOf(request), request.params.id),
  );
}
