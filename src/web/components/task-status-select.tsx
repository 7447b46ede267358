/** Change a task's status in place (lists, home, profiles); the API's refusal is shown beside it. */
import { errorMessage, type TaskStatus } from '../api/client';
import { useUpdateTask } from '../api/queries';
import { isTaskStatus, taskStatuses, taskStatusLabel } from '../lib/labels';
import { useToast } from './toast';

interface TaskStatusSelectProps {
  taskId: string;
  status: string;
  label: string;
  onChanged?: (status: TaskStatus) => void;
}

export function TaskStatusSelect({ taskId, status, label, onChanged }: TaskStatusSelectProps) {
  const update = useUpdateTask();
  const notify = useToast();
  // show the chosen status while the change and the refetch it triggers are in flight
  const shown = update.isPending ? (update.variables.body.status ?? status) : status;
  return (
    <select
      className={`status-select status-${shown}`}
      value={shown}
      aria-label={`Status of ${label}`}
      disabled={update.isPending}
      onChange={(event) => {
        const next = event.target.value;
        if (!isTaskStatus(next)) return;
        update.mutate(
          { id: taskId, body: { status: next } },
          {
            onSuccess: () => onChanged?.(next),
            onError: (error) => notify(`Could not change “${label}”: ${errorMessage(error)}`, 'bad'),
          },
        );
      }}
    >
      {taskStatuses.map((s) => (
        <option key={s} value={s}>
          {taskStatusLabel[s]}
        </option>
      ))}
    </select>
  );
}
