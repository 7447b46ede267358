/**
 * Edit a goal (PATCH /api/goals/:id): only the fields that changed are sent, with the version they were
 * changed from, so someone else's save in between is shown rather than overwritten.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent } from 'react';
import { api, type GoalDetail, type UpdateGoalBody } from '../../api/client';
import { invalidate, keys, usePillars } from '../../api/queries';
import { Drawer } from '../../components/drawer';
import { SaveError } from '../../components/edit-conflict';
import { Field, FormActions } from '../../components/form';
import { PersonSelect } from '../../components/pickers';
import { useToast } from '../../components/toast';
import { readNumber } from '../../lib/validate';
import { goalStatuses, goalStatusLabel, horizonLabel, horizons } from '../../lib/labels';
import { useEditForm } from '../../lib/use-edit-form';
import { ProgressSourceChoice } from './progress-source-choice';

const fields = [
  'title',
  'description',
  'pillarId',
  'ownerId',
  'horizon',
  'isStretch',
  'status',
  'progressSource',
  'dueDate',
  'metricStart',
  'metricTarget',
  'metricCurrent',
  'metricUnit',
];

const numText = (n: number | null) => (n === null ? '' : String(n));

const toForm = (goal: GoalDetail) => ({
  title: goal.title,
  description: goal.description,
  pillarId: goal.pillarId,
  ownerId: goal.ownerId,
  horizon: goal.horizon,
  isStretch: goal.isStretch,
  status: goal.status,
  progressSource: goal.progressSource,
  dueDate: goal.dueDate ?? '',
  metricStart: numText(goal.metricStart),
  metricTarget: numText(goal.metricTarget),
  metricCurrent: numText(goal.metricCurrent),
  metricUnit: goal.metricUnit ?? '',
});

export function EditGoalDrawer({ goal: latest, onClose }: { goal: GoalDetail; onClose: () => void }) {
  const pillars = usePillars();
  const edit = useEditForm(latest, toForm);
  const { form, setForm, base: goal } = edit;
  const queryClient = useQueryClient();
  const notify = useToast();
  const save = useMutation({
    mutationFn: (version: number) => {
      const body: UpdateGoalBody = { version };
      if (form.title !== goal.title) body.title = form.title;
      if (form.description !== goal.description) body.description = form.description;
      if (form.pillarId !== goal.pillarId) body.pillarId = form.pillarId;
      if (form.ownerId !== goal.ownerId) body.ownerId = form.ownerId;
      if (form.horizon !== goal.horizon) body.horizon = form.horizon;
      if (form.isStretch !== goal.isStretch) body.isStretch = form.isStretch;
      if (form.status !== goal.status) body.status = form.status;
      if (form.progressSource !== goal.progressSource) body.progressSource = form.progressSource;
      const dueDate = form.dueDate === '' ? null : form.dueDate;
      if (dueDate !== goal.dueDate) body.dueDate = dueDate;
      const start = readNumber(form.metricStart, 'metricStart');
      const target = readNumber(form.metricTarget, 'metricTarget');
      const current = readNumber(form.metricCurrent, 'metricCurrent');
      const unit = form.metricUnit.trim() === '' ? null : form.metricUnit.trim();
      if (start !== goal.metricStart) body.metricStart = start;
      if (target !== goal.metricTarget) body.metricTarget = target;
      if (current !== goal.metricCurrent) body.metricCurrent = current;
      if (unit !== goal.metricUnit) body.metricUnit = unit;
      return api.goals.update(goal.id, body);
    },
    onSuccess: async () => {
      notify('Goal saved');
      onClose();
      await invalidate.goals(queryClient);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(goal.version);
  };
  const showTheirs = async () => {
    const stored = await queryClient.fetchQuery({
      queryKey: keys.goal(goal.id),
      queryFn: () => api.goals.get(goal.id),
    });
    edit.reset(stored);
    save.reset();
    await invalidate.goals(queryClient);
  };
  const isTopLevel = goal.parentId === null;

  return (
    <Drawer title={`Edit ${goal.kind === 'objective' ? 'objective' : 'key result'}`} onClose={onClose}>
      <form className="stack" onSubmit={submit}>
        <Field label="Title" name="title" error={save.error}>
          {(props) => (
            <input
              {...props}
              autoFocus
              value={form.title}
              onChange={(e) => setForm({ ...form, title: e.target.value })}
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
        {isTopLevel ? (
          <Field label="Pillar" name="pillarId" error={save.error}>
            {(props) => (
              <select
                {...props}
                value={form.pillarId ?? ''}
                onChange={(e) =>
                  setForm({ ...form, pillarId: e.target.value === '' ? null : e.target.value })
                }
              >
                <option value="">No pillar</option>
                {(pillars.data?.items ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <div className="row">
          <Field label="Owner" name="ownerId" error={save.error}>
            {(props) => (
              <PersonSelect
                {...props}
                value={form.ownerId}
                onChange={(ownerId) => setForm({ ...form, ownerId })}
                emptyLabel="No owner"
              />
            )}
          </Field>
          <Field label="Due date" name="dueDate" error={save.error}>
            {(props) => (
              <input
                {...props}
                type="date"
                value={form.dueDate}
                onChange={(e) => setForm({ ...form, dueDate: e.target.value })}
              />
            )}
          </Field>
        </div>
        <div className="row">
          <Field label="Horizon" name="horizon" error={save.error}>
            {(props) => (
              <select
                {...props}
                value={form.horizon}
                onChange={(e) =>
                  setForm({ ...form, horizon: horizons.find((h) => h === e.target.value) ?? form.horizon })
                }
              >
                {horizons.map((h) => (
                  <option key={h} value={h}>
                    {horizonLabel[h]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Status" name="status" error={save.error}>
            {(props) => (
              <select
                {...props}
                value={form.status}
                onChange={(e) =>
                  setForm({ ...form, status: goalStatuses.find((s) => s === e.target.value) ?? form.status })
                }
              >
                {goalStatuses.map((s) => (
                  <option key={s} value={s}>
                    {goalStatusLabel[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.isStretch}
            onChange={(e) => setForm({ ...form, isStretch: e.target.checked })}
          />
          Stretch goal (pushing the envelope; missing it is not a failure)
        </label>
        <ProgressSourceChoice
          kind={goal.kind}
          value={form.progressSource}
          onChange={(progressSource) => setForm({ ...form, progressSource })}
          error={save.error}
        />
        <fieldset className="fieldset">
          <legend>Metric</legend>
          <p className="muted small">
            {form.progressSource === 'metric'
              ? 'Counts: progress is where current stands between start and target.'
              : 'Shown beside the work, not counted: check-ins still record it.'}
          </p>
          <div className="row">
            <Field label="Start" name="metricStart" error={save.error}>
              {(props) => (
                <input
                  {...props}
                  inputMode="decimal"
                  value={form.metricStart}
                  onChange={(e) => setForm({ ...form, metricStart: e.target.value })}
                />
              )}
            </Field>
            <Field label="Current" name="metricCurrent" error={save.error}>
              {(props) => (
                <input
                  {...props}
                  inputMode="decimal"
                  value={form.metricCurrent}
                  onChange={(e) => setForm({ ...form, metricCurrent: e.target.value })}
                />
              )}
            </Field>
            <Field label="Target" name="metricTarget" error={save.error}>
              {(props) => (
                <input
                  {...props}
                  inputMode="decimal"
                  value={form.metricTarget}
                  onChange={(e) => setForm({ ...form, metricTarget: e.target.value })}
                />
              )}
            </Field>
            <Field label="Unit" name="metricUnit" error={save.error}>
              {(props) => (
                <input
                  {...props}
                  value={form.metricUnit}
                  placeholder="%, €, clients…"
                  onChange={(e) => setForm({ ...form, metricUnit: e.target.value })}
                />
              )}
            </Field>
          </div>
        </fieldset>
        <SaveError
          error={save.error}
          fields={fields}
          thing={goal.kind === 'objective' ? 'objective' : 'key result'}
          onShowTheirs={showTheirs}
          onSaveMine={(version) => save.mutate(version)}
          isSaving={save.isPending}
        />
        <FormActions>
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </FormActions>
      </form>
    </Drawer>
  );
}
