/** Every area's routes, registered in one place. */
import type { Deps } from '../deps';
import type { App } from '../http/types';
import { clientsRoutes } from './clients/routes';
import { goalsRoutes } from './goals/routes';
import { homeRoutes } from './home/routes';
import { peopleRoutes } from './people/routes';
import { projectsRoutes } from './projects/routes';
import { skillsRoutes } from './skills/routes';
import { strategyRoutes } from './strategy/routes';
import { tasksRoutes } from './tasks/routes';
import { teamsRoutes } from './teams/routes';

export function registerAreaRoutes(app: App, deps: Deps): void {
  strategyRoutes(app, deps);
  goalsRoutes(app, deps);
  projectsRoutes(app, deps);
  tasksRoutes(app, deps);
  peopleRoutes(app, deps);
  skillsRoutes(app, deps);
  teamsRoutes(app, deps);
  clientsRoutes(app, deps);
  homeRoutes(app, deps);
}
