/**
 * Change a task's status in place (lists, home, profiles); the API's refusal is shown beside it. A task
 * whose status the server says you may not change shows a disabled menu with the reason.
 */
import { errorMessage, type TaskStatus } from '../api/client';
import { useUpdateTask } from '../api/queries';
import { isTaskStatus, taskStatuses, taskStatusLabel } from '../lib/labels';
import { reasons } from '../lib/reasons';
import { Gate } from './gate';
import { LockIcon } from './lock-icon';
import { useToast } from './toast';

interface TaskStatusSelectProps {
  task: {
    id: string;
    title: string;
    status: string;
    projectId: string | null;
    can: { changeStatus: boolean };
  };
  onChanged?: (status: TaskStatus) => void;
}

export function TaskStatusSelect({ task, onChanged }: TaskStatusSelectProps) {
  const update = useUpdateTask();
  const notify = useToast();
  const reason = reasons.taskStatus(task);
  // show the chosen status while the change and the refetch it triggers are in flight
  const shown = update.isPending ? (update.variables.body.status ?? task.status) : task.status;
  return (
    <Gate allowed={task.can.changeStatus} reason={reason}>
      {(gate) => {
        const select = (
          <select
            className={`status-select status-${shown}`}
            value={shown}
            aria-label={`Status of ${task.title}`}
            disabled={update.isPending}
            {...gate}
            onChange={(event) => {
              const next = event.target.value;
              if (!isTaskStatus(next)) return;
              update.mutate(
                { id: task.id, body: { status: next } },
                {
                  onSuccess: () => onChanged?.(next),
                  onError: (error) =>
                    notify(`Could not change “${task.title}”: ${errorMessage(error)}`, 'bad'),
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
        return gate.disabled ? (
          <span className="status-locked" title={reason}>
            <LockIcon />
            {select}
          </span>
        ) : (
          select
        );
      }}
    </Gate>
  );
}
