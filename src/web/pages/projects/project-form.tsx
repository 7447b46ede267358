/**
 * Create or edit a project: client, manager, dates, budget, status and the goals it serves. An edit
 * sends the fields that changed with the version they were changed from.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, type CreateProjectBody, type Project, type UpdateProjectBody } from '../../api/client';
import { invalidate, keys, useGoalsLookup } from '../../api/queries';
import { Drawer } from '../../components/drawer';
import { SaveError } from '../../components/edit-conflict';
import { Field, FormActions } from '../../components/form';
import { MultiSelect } from '../../components/multi-select';
import { ClientSelect, PersonSelect } from '../../components/pickers';
import { useToast } from '../../components/toast';
import { emptyToNull } from '../../lib/format';
import { isProjectStatus, kindLabel, labelOf, projectStatuses, projectStatusLabel } from '../../lib/labels';
import { useSession } from '../../lib/session';
import { useEditForm } from '../../lib/use-edit-form';
import { readNumber } from '../../lib/validate';

const fields = [
  'name',
  'description',
  'clientId',
  'managerId',
  'startDate',
  'deadline',
  'budgetHours',
  'budgetMoney',
  'status',
  'goalIds',
];

interface ProjectFormProps {
  project?: Project;
  onClose: () => void;
  /** Pre-selected goal (creating a project from a goal). */
  goalId?: string;
}

/** The project being edited, or none yet (version 0) while creating one. */
interface Editing {
  version: number;
  project: Project | undefined;
}

export function ProjectFormDrawer({ project: latest, onClose, goalId }: ProjectFormProps) {
  const { me } = useSession();
  const goals = useGoalsLookup();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const notify = useToast();
  const edit = useEditForm<Editing, ReturnType<typeof toForm>>(
    { version: latest?.version ?? 0, project: latest },
    toForm,
  );
  const { form, setForm } = edit;
  const project = edit.base.project;
  function toForm({ project }: Editing) {
    return {
      name: project?.name ?? '',
      description: project?.description ?? '',
      clientId: project?.clientId ?? null,
      managerId: project ? project.managerId : me.personId,
      startDate: project?.startDate ?? '',
      deadline: project?.deadline ?? '',
      budgetHours: project?.budgetHours?.toString() ?? '',
      budgetMoney: project?.budgetMoney?.toString() ?? '',
      status: project?.status ?? 'planned',
      goalIds: project?.goalIds ?? (goalId ? [goalId] : []),
    };
  }

  const save = useMutation({
    mutationFn: async (version: number) => {
      const body: CreateProjectBody = {
        name: form.name,
        description: form.description,
        clientId: form.clientId,
        managerId: form.managerId,
        startDate: emptyToNull(form.startDate),
        deadline: emptyToNull(form.deadline),
        budgetHours: readNumber(form.budgetHours, 'budgetHours'),
        budgetMoney: readNumber(form.budgetMoney, 'budgetMoney'),
        status: form.status,
        goalIds: form.goalIds,
      };
      if (!project) return api.projects.create(body);
      const patch: UpdateProjectBody = { version };
      if (body.name !== project.name) patch.name = body.name;
      if (body.description !== project.description) patch.description = body.description;
      if (body.clientId !== project.clientId) patch.clientId = body.clientId;
      if (body.managerId !== project.managerId) patch.managerId = body.managerId;
      if (body.startDate !== project.startDate) patch.startDate = body.startDate;
      if (body.deadline !== project.deadline) patch.deadline = body.deadline;
      if (body.budgetHours !== project.budgetHours) patch.budgetHours = body.budgetHours;
      if (body.budgetMoney !== project.budgetMoney) patch.budgetMoney = body.budgetMoney;
      if (body.status !== project.status) patch.status = body.status;
      if ([...form.goalIds].sort().join() !== [...project.goalIds].sort().join())
        patch.goalIds = form.goalIds;
      return api.projects.update(project.id, patch);
    },
    onSuccess: async (saved) => {
      notify(project ? 'Project saved' : `Project “${saved.name}” created`);
      onClose();
      if (!project) await navigate(`/projects/${saved.id}`);
      await invalidate.work(queryClient);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(edit.base.version);
  };
  const showTheirs = async () => {
    if (!project) return;
    const stored = await queryClient.fetchQuery({
      queryKey: keys.project(project.id),
      queryFn: () => api.projects.get(project.id),
    });
    edit.reset({ version: stored.version, project: stored });
    save.reset();
    await invalidate.work(queryClient);
  };
  const goalOptions = goals.list
    .filter((g) => g.status === 'active' || form.goalIds.includes(g.id))
    .map((g) => ({ value: g.id, label: g.title, hint: labelOf(kindLabel, g.kind) }));

  return (
    <Drawer title={project ? `Edit ${project.name}` : 'New project'} onClose={onClose} wide>
      <form className="stack" onSubmit={submit}>
        <Field label="Name" name="name" error={save.error}>
          {(props) => (
            <input
              {...props}
              autoFocus
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
            />
          )}
        </Field>
        <Field label="Description" name="description" error={save.error}>
          {(props) => (
            <textarea
              {...props}
              rows={3}
              value={form.description}
              onChange={(e) => setForm({ ...form, description: e.target.value })}
            />
          )}
        </Field>
        <div className="row">
          <Field label="Manager" name="managerId" error={save.error}>
            {(props) => (
              <PersonSelect
                {...props}
                value={form.managerId}
                onChange={(managerId) => setForm({ ...form, managerId })}
                emptyLabel="No manager"
              />
            )}
          </Field>
          <Field label="Client" name="clientId" error={save.error}>
            {(props) => (
              <ClientSelect
                {...props}
                value={form.clientId}
                onChange={(clientId) => setForm({ ...form, clientId })}
                emptyLabel="Internal (no client)"
              />
            )}
          </Field>
          <Field label="Status" name="status" error={save.error}>
            {(props) => (
              <select
                {...props}
                value={form.status}
                onChange={(e) => {
                  const status = e.target.value;
                  if (isProjectStatus(status)) setForm({ ...form, status });
                }}
              >
                {projectStatuses.map((s) => (
                  <option key={s} value={s}>
                    {projectStatusLabel[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="row">
          <Field label="Start" name="startDate" error={save.error}>
            {(props) => (
              <input
                {...props}
                type="date"
                value={form.startDate}
                onChange={(e) => setForm({ ...form, startDate: e.target.value })}
              />
            )}
          </Field>
          <Field label="Deadline" name="deadline" error={save.error}>
            {(props) => (
              <input
                {...props}
                type="date"
                value={form.deadline}
                onChange={(e) => setForm({ ...form, deadline: e.target.value })}
              />
            )}
          </Field>
          <Field label="Budget (hours)" name="budgetHours" error={save.error}>
            {(props) => (
              <input
                {...props}
                inputMode="decimal"
                value={form.budgetHours}
                onChange={(e) => setForm({ ...form, budgetHours: e.target.value })}
              />
            )}
          </Field>
          <Field label="Budget (money)" name="budgetMoney" error={save.error}>
            {(props) => (
              <input
                {...props}
                inputMode="decimal"
                value={form.budgetMoney}
                onChange={(e) => setForm({ ...form, budgetMoney: e.target.value })}
              />
            )}
          </Field>
        </div>
        <Field
          label="Goals it serves"
          name="goalIds"
          error={save.error}
          hint="Work that traces to a goal counts toward its progress."
        >
          {(props) => (
            <MultiSelect
              id={props.id}
              label="Goals it serves"
              options={goalOptions}
              value={form.goalIds}
              onChange={(goalIds) => setForm({ ...form, goalIds })}
              empty="No goals yet. Add objectives and key results on the strategy map."
            />
          )}
        </Field>
        <SaveError
          error={save.error}
          fields={fields}
          thing="project"
          onShowTheirs={showTheirs}
          onSaveMine={(version) => save.mutate(version)}
          isSaving={save.isPending}
        />
        <FormActions>
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : project ? 'Save' : 'Create project'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </FormActions>
      </form>
    </Drawer>
  );
}
