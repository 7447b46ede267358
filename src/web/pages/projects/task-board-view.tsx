/**
 * The board: a column per status. Move a card by dragging it, by its arrow buttons, or by focusing it
 * and pressing ← / →; Enter opens it. The card moves at once and moves back if the API refuses. A card
 * whose status the server says you may not change does not move: its arrows are disabled with the
 * reason, and ← / → say it.
 */
import { useEffect, useState, type DragEvent, type KeyboardEvent } from 'react';
import { errorMessage, type Task, type TaskStatus } from '../../api/client';
import { usePeopleLookup, useUpdateTask } from '../../api/queries';
import { LateBadge } from '../../components/badges';
import { Gate } from '../../components/gate';
import { Avatar } from '../../components/person-link';
import { useToast } from '../../components/toast';
import { fmtHours, fmtShortDate } from '../../lib/format';
import { useOpenTask } from '../../lib/task-link';
import { taskStatuses, taskStatusLabel } from '../../lib/labels';
import { reasons } from '../../lib/reasons';

const DRAG_TYPE = 'application/x-tandem-task';

export function TaskBoardView({ tasks }: { tasks: Task[] }) {
  const update = useUpdateTask();
  const notify = useToast();
  const people = usePeopleLookup();
  const openTask = useOpenTask();
  const [dragOver, setDragOver] = useState<TaskStatus | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);

  // keep keyboard focus on a card after it moves to another column
  useEffect(() => {
    if (!focusId) return;
    document.querySelector<HTMLElement>(`[data-card="${CSS.escape(focusId)}"]`)?.focus();
  }, [focusId, tasks]);

  const move = (task: Task, status: TaskStatus) => {
    if (task.status === status) return;
    update.mutate(
      { id: task.id, body: { status } },
      {
        onSuccess: () => notify(`“${task.title}” → ${taskStatusLabel[status]}`),
        onError: (error) => notify(`Could not move “${task.title}”: ${errorMessage(error)}`, 'bad'),
      },
    );
  };

  const step = (task: Task, delta: number) => {
    if (!task.can.changeStatus) {
      notify(reasons.taskStatus(task), 'bad');
      return;
    }
    const index = taskStatuses.indexOf(task.status) + delta;
    const next = taskStatuses[index];
    if (next) {
      setFocusId(task.id);
      move(task, next);
    }
  };

  const onDrop = (event: DragEvent<HTMLElement>, status: TaskStatus) => {
    event.preventDefault();
    setDragOver(null);
    const id = event.dataTransfer.getData(DRAG_TYPE) || event.dataTransfer.getData('text/plain');
    const task = tasks.find((t) => t.id === id);
    if (task?.can.changeStatus) move(task, status);
  };

  const onCardKey = (event: KeyboardEvent<HTMLElement>, task: Task) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'ArrowRight') {
      event.preventDefault();
      step(task, 1);
    } else if (event.key === 'ArrowLeft') {
      event.preventDefault();
      step(task, -1);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openTask(task.id);
    }
  };

  return (
    <div className="board" aria-describedby="board-help">
      <p id="board-help" className="visually-hidden">
        Drag a card to another column, or focus a card and press the left or right arrow key to change its
        status. Enter opens the task.
      </p>
      {taskStatuses.map((status, columnIndex) => {
        const column = tasks.filter((t) => t.status === status);
        const hours = column.reduce((sum, t) => sum + (t.estimateHours ?? 0), 0);
        return (
          <section
            key={status}
            className={`board-column board-${status}${dragOver === status ? ' is-over' : ''}`}
            aria-labelledby={`col-${status}`}
            data-testid={`board-column-${status}`}
            onDragOver={(e) => {
              if (e.dataTransfer.types.includes(DRAG_TYPE)) {
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                setDragOver(status);
              }
            }}
            onDragLeave={(e) => {
              if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragOver(null);
            }}
            onDrop={(e) => onDrop(e, status)}
          >
            <header className="board-column-header">
              <h3 id={`col-${status}`}>
                <span className={`legend-dot status-dot-${status}`} aria-hidden="true" />
                {taskStatusLabel[status]}
              </h3>
              <span className="muted small">
                {column.length}
                {hours > 0 ? ` · ${fmtHours(hours)}` : ''}
              </span>
            </header>
            <ul className="board-cards">
              {column.map((task) => {
                const assignee = task.assigneeId ? people.byId.get(task.assigneeId) : null;
                const prev = taskStatuses[columnIndex - 1];
                const next = taskStatuses[columnIndex + 1];
                return (
                  <li
                    key={task.id}
                    className={`board-card${task.isLate ? ' is-late' : ''}${task.can.changeStatus ? '' : ' is-fixed'}`}
                    draggable={task.can.changeStatus}
                    tabIndex={0}
                    data-card={task.id}
                    data-testid={`board-card-${task.id}`}
                    aria-label={`${task.title}, ${taskStatusLabel[task.status]}${task.can.changeStatus ? '' : ' (you cannot change its status)'}`}
                    onDragStart={(e) => {
                      e.dataTransfer.setData(DRAG_TYPE, task.id);
                      e.dataTransfer.setData('text/plain', task.id);
                      e.dataTransfer.effectAllowed = 'move';
                    }}
                    onDragEnd={() => setDragOver(null)}
                    onKeyDown={(e) => onCardKey(e, task)}
                  >
                    <button
                      type="button"
                      className="board-card-title"
                      onClick={() => openTask(task.id)}
                      tabIndex={-1}
                    >
                      {task.title}
                    </button>
                    <div className="board-card-meta">
                      {assignee ? (
                        <span className="row-tight" title={assignee.name}>
                          <Avatar name={assignee.name} size="sm" />
                          <span className="small">{assignee.name.split(' ')[0]}</span>
                        </span>
                      ) : (
                        <span className="small text-warn">unassigned</span>
                      )}
                      {task.estimateHours !== null ? (
                        <span className="small muted">{fmtHours(task.estimateHours)}</span>
                      ) : null}
                      {task.deadline ? (
                        <span className={`small${task.isLate ? ' text-bad' : ' muted'}`}>
                          {fmtShortDate(task.deadline)}
                        </span>
                      ) : null}
                      {task.isLate ? <LateBadge /> : null}
                    </div>
                    {task.dependsOn.length > 0 ? (
                      <p className="small muted">
                        waits on {task.dependsOn.length === 1 ? '1 task' : `${task.dependsOn.length} tasks`}
                      </p>
                    ) : null}
                    <div className="board-card-moves">
                      {prev ? (
                        <Gate allowed={task.can.changeStatus} reason={reasons.taskStatus(task)}>
                          {(gate) => (
                            <button
                              type="button"
                              className="icon-button small"
                              onClick={() => step(task, -1)}
                              aria-label={`Move “${task.title}” to ${taskStatusLabel[prev]}`}
                              title={`Move to ${taskStatusLabel[prev]} (←)`}
                              {...gate}
                            >
                              ←
                            </button>
                          )}
                        </Gate>
                      ) : (
                        <span />
                      )}
                      {next ? (
                        <Gate allowed={task.can.changeStatus} reason={reasons.taskStatus(task)}>
                          {(gate) => (
                            <button
                              type="button"
                              className="icon-button small"
                              onClick={() => step(task, 1)}
                              aria-label={`Move “${task.title}” to ${taskStatusLabel[next]}`}
                              title={`Move to ${taskStatusLabel[next]} (→)`}
                              {...gate}
                            >
                              →
                            </button>
                          )}
                        </Gate>
                      ) : null}
                    </div>
                  </li>
                );
              })}
              {column.length === 0 ? <li className="board-empty">Drop a card here</li> : null}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
