/** The routes of the web app. Everything but sign-in and first-run setup lives in the signed-in shell. */
import { createBrowserRouter } from 'react-router-dom';
import { AppShell } from './components/app-shell';
import { SetupPage } from './pages/auth/setup-page';
import { SignInPage } from './pages/auth/sign-in-page';
import { GoalPage } from './pages/goals/goal-page';
import { GrowthPage } from './pages/growth/growth-page';
import { HomePage } from './pages/home/home-page';
import { KudosPage } from './pages/kudos/kudos-page';
import { OneOnOnePage } from './pages/one-on-ones/one-on-one-page';
import { OneOnOnesPage } from './pages/one-on-ones/one-on-ones-page';
import { ClientsPage } from './pages/people/clients-page';
import { PeoplePage } from './pages/people/people-page';
import { PersonPage } from './pages/people/person-page';
import { PlannerPage } from './pages/planning/planner-page';
import { WorkloadPage } from './pages/planning/workload-page';
import { TeamsPage } from './pages/people/teams-page';
import { ProjectPage } from './pages/projects/project-page';
import { ProjectsPage } from './pages/projects/projects-page';
import { PulsePage } from './pages/pulse/pulse-page';
import { SettingsPage } from './pages/settings/settings-page';
import { StrategyPage } from './pages/strategy/strategy-page';
import { TalentPage } from './pages/talent/talent-page';
import { NotFoundPage } from './pages/system/not-found-page';
import { TaskPage } from './pages/tasks/task-page';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/setup', element: <SetupPage /> },
  {
    path: '/',
    element: <AppShell />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'strategy', element: <StrategyPage /> },
      { path: 'goals/:id', element: <GoalPage /> },
      { path: 'projects', element: <ProjectsPage /> },
      { path: 'projects/:id', element: <ProjectPage /> },
      { path: 'tasks/:id', element: <TaskPage /> },
      { path: 'people', element: <PeoplePage /> },
      { path: 'people/:id', element: <PersonPage /> },
      { path: 'teams', element: <TeamsPage /> },
      { path: 'clients', element: <ClientsPage /> },
      { path: 'planner', element: <PlannerPage /> },
      { path: 'workload', element: <WorkloadPage /> },
      { path: 'one-on-ones', element: <OneOnOnesPage /> },
      { path: 'one-on-ones/:id', element: <OneOnOnePage /> },
      { path: 'kudos', element: <KudosPage /> },
      { path: 'growth', element: <GrowthPage /> },
      { path: 'pulse', element: <PulsePage /> },
      { path: 'talent', element: <TalentPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
