/** Add a key result under an objective, choosing at once which figure counts. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type GoalDetail } from '../../api/client';
import { invalidate } from '../../api/queries';
import { Field, FormActions, FormError } from '../../components/form';
import { Gate } from '../../components/gate';
import { PersonSelect } from '../../components/pickers';
import { useToast } from '../../components/toast';
import { horizonLabel, horizons } from '../../lib/labels';
import { reasons } from '../../lib/reasons';
import { readNumber } from '../../lib/validate';
import { ProgressSourceChoice } from './progress-source-choice';

interface AddKeyResultProps {
  parent: GoalDetail;
  defaultOwnerId: string | null;
  /** `me.can['goals.write']`: creating a goal is an organization-wide permission */
  allowed: boolean;
}

export function AddKeyResult({ parent, defaultOwnerId, allowed }: AddKeyResultProps) {
  const [open, setOpen] = useState(false);
  const empty = { title: '', metricStart: '0', metricTarget: '', metricUnit: '', dueDate: '' };
  const [form, setForm] = useState(empty);
  const [horizon, setHorizon] = useState<(typeof horizons)[number]>('quarter');
  // chosen when the key result is made: which figure counts is never left to guesswork
  const [progressSource, setProgressSource] = useState<GoalDetail['progressSource']>('work');
  const [ownerId, setOwnerId] = useState(defaultOwnerId);
  const queryClient = useQueryClient();
  const notify = useToast();
  const create = useMutation({
    mutationFn: () => {
      const target = readNumber(form.metricTarget, 'metricTarget');
      const start = readNumber(form.metricStart, 'metricStart');
      return api.goals.create({
        kind: 'key_result',
        title: form.title,
        parentId: parent.id,
        pillarId: parent.pillarId,
        ownerId,
        horizon,
        progressSource,
        dueDate: form.dueDate === '' ? null : form.dueDate,
        ...(target !== null
          ? {
              metricStart: start ?? 0,
              metricTarget: target,
              metricCurrent: start ?? 0,
              metricUnit: form.metricUnit.trim() || null,
            }
          : {}),
      });
    },
    onSuccess: async (goal) => {
      notify(`Key result “${goal.title}” added`);
      setForm(empty);
      await invalidate.goals(queryClient);
    },
  });
  if (!open || !allowed) {
    return (
      <Gate allowed={allowed} reason={reasons.goalCreate}>
        {(gate) => (
          <button
            type="button"
            className="button button-ghost add-inline"
            {...gate}
            onClick={() => setOpen(true)}
          >
            + Key result
          </button>
        )}
      </Gate>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <Field label="New key result" name="title" error={create.error}>
        {(props) => (
          <input
            {...props}
            autoFocus
            value={form.title}
            placeholder="e.g. Win 3 new climate clients"
            onChange={(e) => setForm({ ...form, title: e.target.value })}
          />
        )}
      </Field>
      <div className="row">
        <Field label="Start" name="metricStart" error={create.error}>
          {(props) => (
            <input
              {...props}
              inputMode="decimal"
              value={form.metricStart}
              onChange={(e) => setForm({ ...form, metricStart: e.target.value })}
            />
          )}
        </Field>
        <Field label="Target" name="metricTarget" error={create.error}>
          {(props) => (
            <input
              {...props}
              inputMode="decimal"
              value={form.metricTarget}
              placeholder="optional"
              onChange={(e) => setForm({ ...form, metricTarget: e.target.value })}
            />
          )}
        </Field>
        <Field label="Unit" name="metricUnit" error={create.error}>
          {(props) => (
            <input
              {...props}
              value={form.metricUnit}
              placeholder="clients"
              onChange={(e) => setForm({ ...form, metricUnit: e.target.value })}
            />
          )}
        </Field>
        <Field label="Horizon" name="horizon" error={create.error}>
          {(props) => (
            <select
              {...props}
              value={horizon}
              onChange={(e) => setHorizon(horizons.find((h) => h === e.target.value) ?? 'quarter')}
            >
              {horizons.map((h) => (
                <option key={h} value={h}>
                  {horizonLabel[h]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="row">
        <Field label="Owner" name="ownerId" error={create.error}>
          {(props) => <PersonSelect {...props} value={ownerId} onChange={setOwnerId} emptyLabel="No owner" />}
        </Field>
        <Field label="Due date" name="dueDate" error={create.error}>
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
      <ProgressSourceChoice
        kind="key_result"
        value={progressSource}
        onChange={setProgressSource}
        error={create.error}
      />
      <FormError
        error={create.error}
        fields={[
          'title',
          'metricStart',
          'metricTarget',
          'metricUnit',
          'horizon',
          'ownerId',
          'dueDate',
          'progressSource',
        ]}
      />
      <FormActions>
        <button type="submit" className="button button-primary button-small" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add key result'}
        </button>
        <button type="button" className="button button-small" onClick={() => setOpen(false)}>
          Done
        </button>
      </FormActions>
    </form>
  );
}
