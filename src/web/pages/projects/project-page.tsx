/** One project: header with progress and budget, and its tasks as a list, a board or a timeline (keys 1/2/3). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, type Project, type Task } from '../../api/client';
import {
  ALL,
  invalidate,
  useClientsLookup,
  useGoalsLookup,
  usePeopleLookup,
  useProject,
  useTasks,
} from '../../api/queries';
import { Badge, ProjectStatusBadge } from '../../components/badges';
import { Gate } from '../../components/gate';
import { PageHeader, useDocumentTitle, type Crumb } from '../../components/page-header';
import { PersonLink } from '../../components/person-link';
import { ProgressBar } from '../../components/progress-bar';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { fmtDate, fmtHours, fmtMoney, plural, relativeDue, todayIso } from '../../lib/format';
import { useHotkeys } from '../../lib/hotkeys';
import { kindLabel, labelOf } from '../../lib/labels';
import { reasons } from '../../lib/reasons';
import { ProjectOutlook } from '../planning/project-outlook';
import { AddTaskDrawer } from '../tasks/add-task-drawer';
import { ProjectFormDrawer } from './project-form';
import { TaskBoardView } from './task-board-view';
import { TaskListView } from './task-list-view';
import { TaskTimelineView } from './task-timeline-view';

const views = [
  { id: 'list', label: 'List', key: '1' },
  { id: 'board', label: 'Board', key: '2' },
  { id: 'timeline', label: 'Timeline', key: '3' },
] as const;
type View = (typeof views)[number]['id'];

export function ProjectPage() {
  const { id = '' } = useParams();
  return <ProjectView key={id} id={id} />;
}

function ProjectView({ id }: { id: string }) {
  const project = useProject(id);
  const tasks = useTasks({ projectId: id, limit: ALL });
  useDocumentTitle(project.data?.name ?? 'Project');
  if (project.isPending) return <Loading label="Loading the project…" />;
  if (project.isError)
    return <ErrorState error={project.error} what="this project" onRetry={() => void project.refetch()} />;
  return (
    <ProjectContent
      project={project.data}
      tasks={tasks.data?.items ?? null}
      tasksError={tasks.error}
      retryTasks={() => void tasks.refetch()}
    />
  );
}

interface ProjectContentProps {
  project: Project;
  tasks: Task[] | null;
  tasksError: unknown;
  retryTasks: () => void;
}

function ProjectContent({ project, tasks, tasksError, retryTasks }: ProjectContentProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const notify = useToast();
  const clients = useClientsLookup();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const viewParam = params.get('view');
  const view: View = views.find((v) => v.id === viewParam)?.id ?? 'list';
  // what the server says the signed-in user may do with this project (never worked out here)
  const canEdit = project.can.edit;
  const canAddTask = project.can.addTasks;

  const setView = (next: View) =>
    setParams(
      (current) => {
        const p = new URLSearchParams(current);
        if (next === 'list') p.delete('view');
        else p.set('view', next);
        return p;
      },
      { replace: true },
    );

  useHotkeys({
    '1': () => setView('list'),
    '2': () => setView('board'),
    '3': () => setView('timeline'),
    n: () => canAddTask && setAdding(true),
  });

  const remove = useMutation({
    mutationFn: () => api.projects.remove(project.id),
    onSuccess: async () => {
      notify(`Project “${project.name}” deleted`);
      await navigate('/projects', { replace: true });
      await invalidate.work(queryClient);
    },
    onError: (error) => notify(error.message, 'bad'),
  });

  const crumbs: Crumb[] = [{ label: 'Projects', to: '/projects' }];
  const client = project.clientId ? clients.byId.get(project.clientId) : null;
  if (client) crumbs.push({ label: client.name, to: `/projects?client=${client.id}` });

  return (
    <div className="page page-wide">
      <PageHeader
        title={project.name}
        crumbs={crumbs}
        actions={
          <>
            <Gate allowed={canAddTask} reason={reasons.projectAddTasks}>
              {(gate) => (
                <button
                  type="button"
                  className="button button-primary"
                  {...gate}
                  onClick={() => setAdding(true)}
                >
                  Add task <kbd>n</kbd>
                </button>
              )}
            </Gate>
            <Gate allowed={canEdit} reason={reasons.projectWrite}>
              {(gate) => (
                <button type="button" className="button" {...gate} onClick={() => setEditing(true)}>
                  Edit project
                </button>
              )}
            </Gate>
            <Gate allowed={project.can.delete} reason={reasons.projectWrite}>
              {(gate) => (
                <button
                  type="button"
                  className="button button-danger"
                  disabled={remove.isPending}
                  {...gate}
                  onClick={() => {
                    if (
                      window.confirm(
                        `Delete the project “${project.name}” and its tasks? This cannot be undone.`,
                      )
                    )
                      remove.mutate();
                  }}
                >
                  Delete
                </button>
              )}
            </Gate>
          </>
        }
      >
        <div className="meta-row">
          <ProjectStatusBadge status={project.status} />
          <span>
            Manager: <PersonLink id={project.managerId} empty="none yet" />
          </span>
          <span>
            Client: {client ? <Link to={`/projects?client=${client.id}`}>{client.name}</Link> : 'internal'}
          </span>
          <span>
            {fmtDate(project.startDate)} → {fmtDate(project.deadline)}
            {project.deadline && project.status !== 'done' ? (
              <span className="muted small"> ({relativeDue(project.deadline, todayIso())})</span>
            ) : null}
          </span>
        </div>
        {!canEdit && !canAddTask ? (
          <p className="muted small" data-testid="project-read-only">
            {reasons.projectWrite}; you change the status of tasks assigned to you.
          </p>
        ) : null}
      </PageHeader>
      <ProjectSummary project={project} tasks={tasks} />
      <ProjectOutlook projectId={project.id} canPlan={project.can.plan} />
      {project.description ? <p className="project-description">{project.description}</p> : null}

      <div className="tabs" role="tablist" aria-label="Views of the tasks">
        {views.map((v) => (
          <button
            key={v.id}
            type="button"
            role="tab"
            id={`tab-${v.id}`}
            aria-selected={view === v.id}
            aria-controls="task-view"
            tabIndex={view === v.id ? 0 : -1}
            className={`tab${view === v.id ? ' is-active' : ''}`}
            onClick={() => setView(v.id)}
            onKeyDown={(e) => {
              const index = views.findIndex((x) => x.id === view);
              const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
              if (step === 0) return;
              e.preventDefault();
              const next = views[(index + step + views.length) % views.length];
              if (next) {
                setView(next.id);
                document.getElementById(`tab-${next.id}`)?.focus();
              }
            }}
          >
            {v.label} <kbd>{v.key}</kbd>
          </button>
        ))}
      </div>
      <div id="task-view" role="tabpanel" aria-labelledby={`tab-${view}`} className="tab-panel">
        {tasksError ? (
          <ErrorState error={tasksError} what="the tasks" onRetry={retryTasks} />
        ) : tasks === null ? (
          <Loading label="Loading tasks…" />
        ) : tasks.length === 0 ? (
          <Empty title="This project has no tasks yet">
            {canAddTask ? (
              <>
                <button type="button" className="link-button" onClick={() => setAdding(true)}>
                  Add the first task
                </button>{' '}
                (or press <kbd>n</kbd>), or break a linked goal down into tasks from its page.
              </>
            ) : (
              `${reasons.projectAddTasks}.`
            )}
          </Empty>
        ) : view === 'list' ? (
          <TaskListView tasks={tasks} />
        ) : view === 'board' ? (
          <TaskBoardView tasks={tasks} />
        ) : (
          <TaskTimelineView tasks={tasks} project={project} />
        )}
      </div>
      {editing ? <ProjectFormDrawer project={project} onClose={() => setEditing(false)} /> : null}
      {adding ? (
        <AddTaskDrawer
          projectId={project.id}
          projectName={project.name}
          siblings={tasks ?? []}
          onClose={() => setAdding(false)}
        />
      ) : null}
    </div>
  );
}

/** Progress, budget (hours and money) and the goals the project serves. */
function ProjectSummary({ project, tasks }: { project: Project; tasks: Task[] | null }) {
  const people = usePeopleLookup();
  const goals = useGoalsLookup();
  const list = tasks ?? [];
  const estimated = list.reduce((sum, t) => sum + (t.estimateHours ?? 0), 0);
  const logged = list.reduce((sum, t) => sum + t.loggedHours, 0);
  // Money spent is approximated from logged hours at the assignee's cost rate (entries by others count at that rate too).
  // Rates the caller may not see arrive as null: the money is then unknown (fmtMoney shows "—"), never counted as 0.
  const rateOf = (t: Task): number | null => {
    const assignee = t.assigneeId ? people.byId.get(t.assigneeId) : undefined;
    return assignee ? assignee.costRate : 0;
  };
  const ratesKnown = list.every((t) => rateOf(t) !== null);
  const cost = ratesKnown ? list.reduce((sum, t) => sum + t.loggedHours * (rateOf(t) ?? 0), 0) : null;
  const plannedCost = ratesKnown
    ? list.reduce((sum, t) => sum + (t.estimateHours ?? 0) * (rateOf(t) ?? 0), 0)
    : null;
  const overHours = project.budgetHours !== null && estimated > project.budgetHours;
  const overMoney = project.budgetMoney !== null && plannedCost !== null && plannedCost > project.budgetMoney;

  return (
    <div className="project-summary card">
      <div>
        <p className="eyebrow">Progress</p>
        <ProgressBar
          value={project.progress}
          size="lg"
          testId={project.id}
          label={`Progress of ${project.name}`}
        />
        <p className="muted small">
          {project.doneCount}/{plural(project.taskCount, 'task')} done
          {project.lateCount > 0 ? <span className="text-bad"> · {project.lateCount} late</span> : null}
        </p>
      </div>
      <div>
        <p className="eyebrow">Budget · hours</p>
        {project.budgetHours !== null ? (
          <>
            <ProgressBar
              value={project.budgetHours > 0 ? logged / project.budgetHours : null}
              size="sm"
              label="Logged hours against the budget"
            />
            <p className="small">
              {fmtHours(logged)} logged of {fmtHours(project.budgetHours)}
            </p>
          </>
        ) : (
          <p className="small">{fmtHours(logged)} logged · no hour budget</p>
        )}
        <p className={`small${overHours ? ' text-bad' : ' muted'}`}>
          {fmtHours(estimated)} estimated{overHours ? ' — over budget' : ''}
        </p>
      </div>
      <div>
        <p className="eyebrow">Budget · money</p>
        {project.budgetMoney !== null ? (
          <>
            <ProgressBar
              value={cost !== null && project.budgetMoney > 0 ? cost / project.budgetMoney : null}
              size="sm"
              label="Cost of logged hours against the budget"
            />
            <p className="small">
              ≈ {fmtMoney(cost)} spent of {fmtMoney(project.budgetMoney)}
            </p>
          </>
        ) : (
          <p className="small">≈ {fmtMoney(cost)} spent · no money budget</p>
        )}
        <p
          className={`small${overMoney ? ' text-bad' : ' muted'}`}
          title="Estimates × the assignees’ cost rates"
        >
          ≈ {fmtMoney(plannedCost)} planned{overMoney ? ' — over budget' : ''}
        </p>
      </div>
      <div>
        <p className="eyebrow">Serves</p>
        {project.goalIds.length === 0 ? (
          <p className="small muted">
            No goal yet — this work does not trace to the strategy. Edit the project to link one.
          </p>
        ) : (
          <ul className="plain-list compact">
            {project.goalIds.map((gid) => {
              const goal = goals.byId.get(gid);
              return (
                <li key={gid}>
                  <Link to={`/goals/${gid}`}>{goal?.title ?? 'Goal'}</Link>{' '}
                  {goal ? <Badge>{labelOf(kindLabel, goal.kind)}</Badge> : null}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}
