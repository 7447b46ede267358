/** The routes of the web app. Everything but sign-in and first-run setup lives in the signed-in shell. */
import { createBrowserRouter } from 'react-router-dom';
import { AppShell } from './components/app-shell';
import { SetupPage } from './pages/auth/setup-page';
import { SignInPage } from './pages/auth/sign-in-page';
import { GoalPage } from './pages/goals/goal-page';
import { HomePage } from './pages/home/home-page';
import { ClientsPage } from './pages/people/clients-page';
import { PeoplePage } from './pages/people/people-page';
import { PersonPage } from './pages/people/person-page';
import { TeamsPage } from './pages/people/teams-page';
import { ProjectPage } from './pages/projects/project-page';
import { ProjectsPage } from './pages/projects/projects-page';
import { SettingsPage } from './pages/settings/settings-page';
import { StrategyPage } from './pages/strategy/strategy-page';
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
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
