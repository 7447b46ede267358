/** The fields of a task, shared by the add-task form and the task editor. */
import type { Task } from '../../api/client';
import { Field } from '../../components/form';
import { MultiSelect } from '../../components/multi-select';
import { GoalSelect, LevelSelect, PersonSelect, ProjectSelect, SkillSelect } from '../../components/pickers';
import { isTaskStatus, taskStatuses, taskStatusLabel } from '../../lib/labels';

export interface TaskFormState {
  title: string;
  description: string;
  projectId: string | null;
  goalId: string | null;
  estimateHours: string;
  skillId: string | null;
  minLevel: number | null;
  deadline: string;
  assigneeId: string | null;
  status: Task['status'];
  plannedStart: string;
  plannedEnd: string;
  pinned: boolean;
  dependsOn: string[];
}

export const taskFieldNames = [
  'title',
  'description',
  'projectId',
  'goalId',
  'estimateHours',
  'skillId',
  'minLevel',
  'deadline',
  'assigneeId',
  'status',
  'plannedStart',
  'plannedEnd',
  'pinned',
  'dependsOn',
];

export function taskToForm(task: Task): TaskFormState {
  return {
    title: task.title,
    description: task.description,
    projectId: task.projectId,
    goalId: task.goalId,
    estimateHours: task.estimateHours === null ? '' : String(task.estimateHours),
    skillId: task.skillId,
    minLevel: task.minLevel,
    deadline: task.deadline ?? '',
    assigneeId: task.assigneeId,
    status: task.status,
    plannedStart: task.plannedStart ?? '',
    plannedEnd: task.plannedEnd ?? '',
    pinned: task.pinned,
    dependsOn: task.dependsOn,
  };
}

export function emptyTaskForm(projectId: string | null, goalId: string | null = null): TaskFormState {
  return {
    title: '',
    description: '',
    projectId,
    goalId,
    estimateHours: '',
    skillId: null,
    minLevel: null,
    deadline: '',
    assigneeId: null,
    status: 'todo',
    plannedStart: '',
    plannedEnd: '',
    pinned: false,
    dependsOn: [],
  };
}

interface TaskFieldsProps {
  form: TaskFormState;
  onChange: (form: TaskFormState) => void;
  error: unknown;
  /** Tasks this one may depend on (same project or goal), without the task itself. */
  dependencyOptions: Pick<Task, 'id' | 'title' | 'status'>[];
  /** Show where the task lives (project/goal); the add form fixes them. */
  showPlacement?: boolean;
  /** Everything but the status is read-only (the assignee may change status only). */
  statusOnly?: boolean;
  readOnly?: boolean;
  autoFocus?: boolean;
}

export function TaskFields({
  form,
  onChange,
  error,
  dependencyOptions,
  showPlacement,
  statusOnly,
  readOnly,
  autoFocus,
}: TaskFieldsProps) {
  const locked = Boolean(readOnly || statusOnly);
  const set = <K extends keyof TaskFormState>(key: K, value: TaskFormState[K]) =>
    onChange({ ...form, [key]: value });
  return (
    <>
      <Field label="Title" name="title" error={error}>
        {(props) => (
          <input
            {...props}
            autoFocus={autoFocus}
            disabled={locked}
            value={form.title}
            onChange={(e) => set('title', e.target.value)}
          />
        )}
      </Field>
      <div className="row">
        <Field label="Status" name="status" error={error}>
          {(props) => (
            <select
              {...props}
              disabled={readOnly}
              value={form.status}
              onChange={(e) => {
                const status = e.target.value;
                if (isTaskStatus(status)) set('status', status);
              }}
            >
              {taskStatuses.map((s) => (
                <option key={s} value={s}>
                  {taskStatusLabel[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Assignee" name="assigneeId" error={error}>
          {(props) => (
            <PersonSelect
              {...props}
              disabled={locked}
              value={form.assigneeId}
              onChange={(v) => set('assigneeId', v)}
              emptyLabel="Unassigned"
            />
          )}
        </Field>
        <Field label="Estimate (hours)" name="estimateHours" error={error}>
          {(props) => (
            <input
              {...props}
              disabled={locked}
              inputMode="decimal"
              value={form.estimateHours}
              onChange={(e) => set('estimateHours', e.target.value)}
              placeholder="e.g. 8"
            />
          )}
        </Field>
      </div>
      <div className="row">
        <Field label="Skill needed" name="skillId" error={error}>
          {(props) => (
            <SkillSelect
              {...props}
              disabled={locked}
              value={form.skillId}
              onChange={(v) => set('skillId', v)}
              emptyLabel="Any skill"
            />
          )}
        </Field>
        <Field label="Minimum level" name="minLevel" error={error}>
          {(props) => (
            <LevelSelect
              {...props}
              disabled={locked}
              value={form.minLevel}
              onChange={(v) => set('minLevel', v)}
              emptyLabel="Any level"
            />
          )}
        </Field>
        <Field label="Deadline" name="deadline" error={error}>
          {(props) => (
            <input
              {...props}
              type="date"
              disabled={locked}
              value={form.deadline}
              onChange={(e) => set('deadline', e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="row">
        <Field label="Planned start" name="plannedStart" error={error}>
          {(props) => (
            <input
              {...props}
              type="date"
              disabled={locked}
              value={form.plannedStart}
              onChange={(e) => set('plannedStart', e.target.value)}
            />
          )}
        </Field>
        <Field label="Planned end" name="plannedEnd" error={error}>
          {(props) => (
            <input
              {...props}
              type="date"
              disabled={locked}
              value={form.plannedEnd}
              onChange={(e) => set('plannedEnd', e.target.value)}
            />
          )}
        </Field>
        <label className="checkbox" title="The planner keeps this task's person and dates as they are">
          <input
            type="checkbox"
            disabled={locked}
            checked={form.pinned}
            onChange={(e) => set('pinned', e.target.checked)}
          />
          Pinned: the planner keeps its person and dates
        </label>
      </div>
      <Field label="Description" name="description" error={error}>
        {(props) => (
          <textarea
            {...props}
            rows={3}
            disabled={locked}
            value={form.description}
            onChange={(e) => set('description', e.target.value)}
          />
        )}
      </Field>
      <Field
        label="Depends on (finish-to-start)"
        name="dependsOn"
        error={error}
        hint="This task starts when these are done."
      >
        {(props) =>
          locked ? (
            <p className="muted small" id={props.id}>
              {form.dependsOn.length === 0
                ? 'No dependencies.'
                : form.dependsOn
                    .map((id) => dependencyOptions.find((t) => t.id === id)?.title ?? id)
                    .join(', ')}
            </p>
          ) : (
            <MultiSelect
              id={props.id}
              label="Depends on"
              options={dependencyOptions.map((t) => ({
                value: t.id,
                label: t.title,
                hint: taskStatusLabel[t.status],
              }))}
              value={form.dependsOn}
              onChange={(v) => set('dependsOn', v)}
              empty="No other tasks here to depend on."
            />
          )
        }
      </Field>
      {showPlacement ? (
        <div className="row">
          <Field label="Project" name="projectId" error={error}>
            {(props) => (
              <ProjectSelect
                {...props}
                forTasks
                disabled={locked}
                value={form.projectId}
                onChange={(v) => set('projectId', v)}
                emptyLabel="No project"
              />
            )}
          </Field>
          <Field label="Goal (for a task directly on a goal)" name="goalId" error={error}>
            {(props) => (
              <GoalSelect
                {...props}
                // a task in a project belongs to the project; only a task on a goal alone needs the goal's leave
                forTasks={form.projectId === null}
                disabled={locked}
                value={form.goalId}
                onChange={(v) => set('goalId', v)}
                emptyLabel="No goal"
              />
            )}
          </Field>
        </div>
      ) : null}
    </>
  );
}
