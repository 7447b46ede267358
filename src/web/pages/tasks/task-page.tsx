/** /tasks/:id — the same editor as the drawer, as a page of its own (for links and bookmarks). */
import { useNavigate, useParams } from 'react-router-dom';
import { useGoal, useProject, useTask } from '../../api/queries';
import { PageHeader, useDocumentTitle, type Crumb } from '../../components/page-header';
import { ErrorState, Loading } from '../../components/states';
import { TaskEditor } from './task-editor';

export function TaskPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const task = useTask(id);
  const project = useProject(task.data?.projectId ?? '', Boolean(task.data?.projectId));
  const goal = useGoal(task.data?.goalId ?? '', !task.data?.projectId && Boolean(task.data?.goalId));
  useDocumentTitle(task.data?.title ?? 'Task');
  if (task.isPending) return <Loading label="Loading the task…" />;
  if (task.isError)
    return <ErrorState error={task.error} what="this task" onRetry={() => void task.refetch()} />;
  const crumbs: Crumb[] = task.data.projectId
    ? [
        { label: 'Projects', to: '/projects' },
        { label: project.data?.name ?? 'Project', to: `/projects/${task.data.projectId}` },
      ]
    : task.data.goalId
      ? [
          { label: 'Strategy', to: '/strategy' },
          { label: goal.data?.title ?? 'Goal', to: `/goals/${task.data.goalId}` },
        ]
      : [];
  const back = task.data.projectId
    ? `/projects/${task.data.projectId}`
    : task.data.goalId
      ? `/goals/${task.data.goalId}`
      : '/';
  return (
    <div className="page narrow">
      <PageHeader title={task.data.title} crumbs={crumbs} />
      <div className="card">
        <TaskEditor
          key={task.data.id}
          task={task.data}
          onDeleted={() => void navigate(back, { replace: true })}
        />
      </div>
    </div>
  );
}
