/** The task drawer: opened with ?task=<id> over any page; Esc closes it. */
import { useTask } from '../../api/queries';
import { Drawer } from '../../components/drawer';
import { ErrorState, Loading } from '../../components/states';
import { TaskEditor } from './task-editor';

export function TaskDrawer({ taskId, onClose }: { taskId: string; onClose: () => void }) {
  const task = useTask(taskId);
  return (
    <Drawer title={task.data?.title ?? 'Task'} onClose={onClose} wide>
      {task.isPending ? (
        <Loading label="Loading the task…" />
      ) : task.isError ? (
        <ErrorState error={task.error} what="this task" onRetry={() => void task.refetch()} />
      ) : (
        <TaskEditor key={task.data.id} task={task.data} onDeleted={onClose} />
      )}
    </Drawer>
  );
}
