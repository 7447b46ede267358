/**
 * Everything about one task: all fields of updateTaskBody (only changed ones are sent, with the
 * version they were changed from), dependencies, and logged time. Used by the drawer (?task=id on any
 * page) and by the /tasks/:id page.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api, type Task, type UpdateTaskBody } from '../../api/client';
import {
  ALL,
  invalidate,
  keys,
  useGoal,
  usePeopleLookup,
  useProject,
  useTasks,
  useTimeEntries,
} from '../../api/queries';
import { LateBadge, TaskStatusBadge } from '../../components/badges';
import { SaveError } from '../../components/edit-conflict';
import { Field, FormActions, FormError } from '../../components/form';
import { Gate } from '../../components/gate';
import { PersonSelect } from '../../components/pickers';
import { Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { emptyToNull, fmtDate, fmtDateTime, fmtHours, numberOrNull, todayIso } from '../../lib/format';
import { reasons, whoEditsTask } from '../../lib/reasons';
import { useSession } from '../../lib/session';
import { useEditForm } from '../../lib/use-edit-form';
import { invalidField, readNumber } from '../../lib/validate';
import { TaskFields, taskFieldNames, taskToForm, type TaskFormState } from './task-fields';

function missingHours(): never {
  throw invalidField('hours', 'enter the hours worked, e.g. 1.5');
}

function changes(task: Task, form: TaskFormState): UpdateTaskBody {
  const body: UpdateTaskBody = {};
  if (form.title !== task.title) body.title = form.title;
  if (form.description !== task.description) body.description = form.description;
  if (form.projectId !== task.projectId) body.projectId = form.projectId;
  if (form.goalId !== task.goalId) body.goalId = form.goalId;
  const estimate = numberOrNull(form.estimateHours);
  if (estimate !== task.estimateHours) body.estimateHours = estimate;
  if (form.skillId !== task.skillId) body.skillId = form.skillId;
  if (form.minLevel !== task.minLevel) body.minLevel = form.minLevel;
  if (emptyToNull(form.deadline) !== task.deadline) body.deadline = emptyToNull(form.deadline);
  if (form.assigneeId !== task.assigneeId) body.assigneeId = form.assigneeId;
  if (form.status !== task.status) body.status = form.status;
  if (emptyToNull(form.plannedStart) !== task.plannedStart)
    body.plannedStart = emptyToNull(form.plannedStart);
  if (emptyToNull(form.plannedEnd) !== task.plannedEnd) body.plannedEnd = emptyToNull(form.plannedEnd);
  if (form.pinned !== task.pinned) body.pinned = form.pinned;
  if ([...form.dependsOn].sort().join() !== [...task.dependsOn].sort().join())
    body.dependsOn = form.dependsOn;
  return body;
}

interface TaskEditorProps {
  task: Task;
  /** Called after the task is deleted. */
  onDeleted: () => void;
  autoFocus?: boolean;
}

export function TaskEditor({ task, onDeleted, autoFocus }: TaskEditorProps) {
  const queryClient = useQueryClient();
  const notify = useToast();
  const project = useProject(task.projectId ?? '');
  const goal = useGoal(task.goalId ?? '');
  const siblings = useTasks(
    task.projectId ? { projectId: task.projectId, limit: ALL } : { goalId: task.goalId ?? '', limit: ALL },
    Boolean(task.projectId ?? task.goalId),
  );
  // the form edits against the task as it was when typing began (see lib/edit-conflict.ts)
  const edit = useEditForm<Task, TaskFormState>(task, taskToForm);
  const { form, setForm } = edit;

  // what the server says the signed-in user may do with this task (never worked out here)
  const canEditAll = task.can.edit;
  const statusOnly = !canEditAll && task.can.changeStatus;
  const readOnly = !canEditAll && !task.can.changeStatus;

  const save = useMutation({
    mutationFn: (version: number) => {
      readNumber(form.estimateHours, 'estimateHours');
      return api.tasks.update(task.id, { ...changes(edit.base, form), version });
    },
    onSuccess: async (saved) => {
      notify(`“${saved.title}” saved`);
      edit.reset(saved);
      await invalidate.work(queryClient);
    },
  });
  const showTheirs = async () => {
    const stored = await queryClient.fetchQuery({
      queryKey: keys.task(task.id),
      queryFn: () => api.tasks.get(task.id),
    });
    edit.reset(stored);
    save.reset();
    await invalidate.work(queryClient);
  };
  const remove = useMutation({
    mutationFn: () => api.tasks.remove(task.id),
    onSuccess: async () => {
      notify(`“${task.title}” deleted`);
      onDeleted();
      await invalidate.work(queryClient);
    },
    onError: (error) => notify(error.message, 'bad'),
  });

  const dirty = Object.keys(changes(edit.base, form)).length > 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (dirty) save.mutate(edit.base.version);
  };
  const dependencyOptions = (siblings.data?.items ?? []).filter((t) => t.id !== task.id);
  const where = task.projectId ? (
    <Link to={`/projects/${task.projectId}`}>{project.data?.name ?? 'Project'}</Link>
  ) : task.goalId ? (
    <Link to={`/goals/${task.goalId}`}>{goal.data?.title ?? 'Goal'}</Link>
  ) : null;

  return (
    <div className="task-editor">
      <div className="meta-row">
        <TaskStatusBadge status={task.status} />
        {task.isLate ? <LateBadge /> : null}
        {where ? <span>In {where}</span> : null}
        <span className="muted small">
          Logged {fmtHours(task.loggedHours)}
          {task.estimateHours !== null ? ` of ${fmtHours(task.estimateHours)} estimated` : ''}
        </span>
        <Link to={`/tasks/${task.id}`} className="small">
          Link to this task
        </Link>
      </div>
      {statusOnly ? (
        <p className="notice">You can change this task’s status; only {whoEditsTask(task)} edit the rest.</p>
      ) : null}
      {readOnly ? <p className="notice">{reasons.taskReadOnly(task)}.</p> : null}
      <form
        className="stack"
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            if (dirty) save.mutate(edit.base.version);
          }
        }}
      >
        <TaskFields
          form={form}
          onChange={setForm}
          error={save.error}
          dependencyOptions={dependencyOptions}
          showPlacement
          statusOnly={statusOnly}
          readOnly={readOnly}
          autoFocus={autoFocus}
        />
        <SaveError
          error={save.error}
          fields={taskFieldNames}
          thing="task"
          onShowTheirs={showTheirs}
          onSaveMine={(version) => save.mutate(version)}
          isSaving={save.isPending}
        />
        {!readOnly ? (
          <FormActions>
            <button type="submit" className="button button-primary" disabled={!dirty || save.isPending}>
              {save.isPending ? 'Saving…' : dirty ? 'Save changes' : 'Saved'}
            </button>
            {dirty ? (
              <button
                type="button"
                className="button"
                onClick={() => {
                  edit.discard();
                  save.reset();
                }}
              >
                Discard changes
              </button>
            ) : null}
            <Gate allowed={task.can.delete} reason={reasons.taskWrite(task)}>
              {(gate) => (
                <button
                  type="button"
                  className="button button-danger push-right"
                  disabled={remove.isPending}
                  {...gate}
                  onClick={() => {
                    if (window.confirm(`Delete the task “${task.title}”? Its logged time goes with it.`))
                      remove.mutate();
                  }}
                >
                  Delete task
                </button>
              )}
            </Gate>
          </FormActions>
        ) : null}
      </form>
      <TimeEntries task={task} />
    </div>
  );
}

function TimeEntries({ task }: { task: Task }) {
  const session = useSession();
  const canLogForOthers = task.can.logTimeForOthers;
  const entries = useTimeEntries(task.id);
  const people = usePeopleLookup();
  const queryClient = useQueryClient();
  const notify = useToast();
  const [personId, setPersonId] = useState<string | null>(task.assigneeId ?? session.me.personId);
  const [date, setDate] = useState(() => todayIso());
  const [hours, setHours] = useState('');
  const [note, setNote] = useState('');
  const log = useMutation({
    mutationFn: () =>
      api.tasks.logTime(task.id, {
        ...(canLogForOthers && personId ? { personId } : {}),
        date,
        hours: readNumber(hours, 'hours') ?? missingHours(),
        note,
      }),
    onSuccess: async (entry) => {
      notify(`${fmtHours(entry.hours)} logged`);
      setHours('');
      setNote('');
      await invalidate.work(queryClient);
    },
  });
  const remove = useMutation({
    mutationFn: (entryId: string) => api.tasks.deleteTimeEntry(entryId),
    onSuccess: async () => {
      notify('Time entry deleted');
      await invalidate.work(queryClient);
    },
    onError: (error) => notify(error.message, 'bad'),
  });
  const canLog = task.can.logTime || canLogForOthers;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    log.mutate();
  };
  const list = [...(entries.data?.items ?? [])].sort(
    (a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt),
  );
  const total = list.reduce((sum, e) => sum + e.hours, 0);

  return (
    <section className="time-entries" aria-labelledby={`time-${task.id}`}>
      <h3 id={`time-${task.id}`}>
        Time logged <span className="muted small">{fmtHours(total)}</span>
      </h3>
      {canLog ? (
        <form className="time-form" onSubmit={submit}>
          {canLogForOthers ? (
            <Field label="Who" name="personId" error={log.error}>
              {(props) => <PersonSelect {...props} value={personId} onChange={setPersonId} />}
            </Field>
          ) : null}
          <Field label="Date" name="date" error={log.error}>
            {(props) => (
              <input {...props} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            )}
          </Field>
          <Field label="Hours" name="hours" error={log.error}>
            {(props) => (
              <input
                {...props}
                inputMode="decimal"
                value={hours}
                onChange={(e) => setHours(e.target.value)}
                placeholder="e.g. 1.5"
              />
            )}
          </Field>
          <Field label="Note" name="note" error={log.error} className="field-grow">
            {(props) => (
              <input
                {...props}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                placeholder="optional"
              />
            )}
          </Field>
          <button type="submit" className="button" disabled={log.isPending}>
            {log.isPending ? 'Logging…' : 'Log time'}
          </button>
          <FormError error={log.error} fields={['personId', 'date', 'hours', 'note']} />
        </form>
      ) : (
        <p className="muted small">{reasons.taskLogTime}.</p>
      )}
      {entries.isPending ? (
        <Loading label="Loading time entries…" />
      ) : list.length === 0 ? (
        <p className="muted small">No time logged yet.</p>
      ) : (
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Who</th>
              <th scope="col" className="num">
                Hours
              </th>
              <th scope="col">Note</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((entry) => (
              <tr key={entry.id}>
                <td title={`logged ${fmtDateTime(entry.createdAt)}`}>{fmtDate(entry.date)}</td>
                <td>{people.byId.get(entry.personId)?.name ?? '…'}</td>
                <td className="num">{fmtHours(entry.hours)}</td>
                <td>{entry.note}</td>
                <td className="num">
                  <Gate allowed={entry.can.delete} reason={reasons.timeEntryDelete}>
                    {(gate) => (
                      <button
                        type="button"
                        className="link-button small"
                        disabled={remove.isPending}
                        {...gate}
                        onClick={() => remove.mutate(entry.id)}
                        aria-label={`Delete ${fmtHours(entry.hours)} on ${fmtDate(entry.date)}`}
                      >
                        Delete
                      </button>
                    )}
                  </Gate>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
