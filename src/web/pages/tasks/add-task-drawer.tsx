/** Add a task to a project (POST /api/tasks); "Save and add another" keeps the drawer open for the next. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { api, type CreateTaskBody, type Task } from '../../api/client';
import { invalidate } from '../../api/queries';
import { Drawer } from '../../components/drawer';
import { FormActions, FormError } from '../../components/form';
import { useToast } from '../../components/toast';
import { emptyToNull } from '../../lib/format';
import { readNumber } from '../../lib/validate';
import { emptyTaskForm, TaskFields, taskFieldNames, type TaskFormState } from './task-fields';

export function formToCreateBody(form: TaskFormState): CreateTaskBody {
  return {
    title: form.title,
    description: form.description,
    projectId: form.projectId,
    goalId: form.goalId,
    estimateHours: readNumber(form.estimateHours, 'estimateHours'),
    skillId: form.skillId,
    minLevel: form.minLevel,
    deadline: emptyToNull(form.deadline),
    assigneeId: form.assigneeId,
    status: form.status,
    plannedStart: emptyToNull(form.plannedStart),
    plannedEnd: emptyToNull(form.plannedEnd),
    pinned: form.pinned,
    dependsOn: form.dependsOn,
  };
}

interface AddTaskDrawerProps {
  projectId: string;
  projectName: string;
  siblings: Task[];
  onClose: () => void;
}

export function AddTaskDrawer({ projectId, projectName, siblings, onClose }: AddTaskDrawerProps) {
  const [form, setForm] = useState<TaskFormState>(() => emptyTaskForm(projectId));
  const keepOpen = useRef(false);
  const queryClient = useQueryClient();
  const notify = useToast();
  const create = useMutation({
    mutationFn: () => api.tasks.create(formToCreateBody(form)),
    onSuccess: async (task) => {
      notify(`Task “${task.title}” added`);
      if (keepOpen.current) {
        setForm({ ...emptyTaskForm(projectId), assigneeId: form.assigneeId, skillId: form.skillId });
        document.getElementById('add-task-form')?.querySelector('input')?.focus();
      } else onClose();
      await invalidate.work(queryClient);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Drawer title={`New task in ${projectName}`} onClose={onClose} wide>
      <form id="add-task-form" className="stack" onSubmit={submit}>
        <TaskFields
          form={form}
          onChange={setForm}
          error={create.error}
          dependencyOptions={siblings}
          autoFocus
        />
        <FormError error={create.error} fields={taskFieldNames} />
        <FormActions>
          <button
            type="submit"
            className="button button-primary"
            disabled={create.isPending}
            onClick={() => (keepOpen.current = false)}
          >
            {create.isPending ? 'Adding…' : 'Add task'}
          </button>
          <button
            type="submit"
            className="button"
            disabled={create.isPending}
            onClick={() => (keepOpen.current = true)}
          >
            Add and start another
          </button>
          <button type="button" className="button button-ghost" onClick={onClose}>
            Cancel
          </button>
        </FormActions>
      </form>
    </Drawer>
  );
}
