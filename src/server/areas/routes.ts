/** Every area's routes, registered in one place. */
import type { Deps } from '../deps';
import type { App } from '../http/types';
import { assessmentsRoutes } from './assessments/routes';
import { budgetsRoutes } from './budgets/routes';
import { clientsRoutes } from './clients/routes';
import { forecastsRoutes } from './forecasts/routes';
import { goalsRoutes } from './goals/routes';
import { growthRoutes } from './growth/routes';
import { holidaysRoutes } from './holidays/routes';
import { homeRoutes } from './home/routes';
import { kudosRoutes } from './kudos/routes';
import { oneOnOnesRoutes } from './one-on-ones/routes';
import { peopleRoutes } from './people/routes';
import { planningRoutes } from './planning/routes';
import { projectsRoutes } from './projects/routes';
import { pulseRoutes } from './pulse/routes';
import { scheduleRoutes } from './schedule/routes';
import { skillsRoutes } from './skills/routes';
import { strategyRoutes } from './strategy/routes';
import { talentRoutes } from './talent/routes';
import { tasksRoutes } from './tasks/routes';
import { teamsRoutes } from './teams/routes';
import { workloadRoutes } from './workload/routes';

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
  planningRoutes(app, deps);
  workloadRoutes(app, deps);
  forecastsRoutes(app, deps);
  budgetsRoutes(app, deps);
  scheduleRoutes(app, deps);
  holidaysRoutes(app);
  // the leader's side
  kudosRoutes(app, deps);
  oneOnOnesRoutes(app, deps);
  growthRoutes(app, deps);
  talentRoutes(app, deps);
  pulseRoutes(app, deps);
  assessmentsRoutes(app, deps);
}
