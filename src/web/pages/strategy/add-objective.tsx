/** Add an objective under a pillar of the strategy map. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { invalidate } from '../../api/queries';
import { Field, FormActions, FormError } from '../../components/form';
import { Gate } from '../../components/gate';
import { useToast } from '../../components/toast';
import { horizonLabel, horizons } from '../../lib/labels';
import { reasons } from '../../lib/reasons';

/** `allowed`: `me.can['goals.write']` (creating a goal is an organization-wide permission). */
export function AddObjective({ pillarId, allowed }: { pillarId: string; allowed: boolean }) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [horizon, setHorizon] = useState<(typeof horizons)[number]>('year');
  const [isStretch, setIsStretch] = useState(false);
  const queryClient = useQueryClient();
  const notify = useToast();
  const create = useMutation({
    mutationFn: () => api.goals.create({ kind: 'objective', title, pillarId, horizon, isStretch }),
    onSuccess: async (goal) => {
      setTitle('');
      setIsStretch(false);
      notify(`Objective “${goal.title}” added`);
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
            + Objective
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
      <Field label="New objective" name="title" error={create.error}>
        {(props) => (
          <input
            {...props}
            autoFocus
            value={title}
            placeholder="e.g. Become the go-to studio for climate brands"
            onChange={(e) => setTitle(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setOpen(false);
            }}
          />
        )}
      </Field>
      <div className="row">
        <Field label="Horizon" name="horizon" error={create.error}>
          {(props) => (
            <select
              {...props}
              value={horizon}
              onChange={(e) => setHorizon(horizons.find((h) => h === e.target.value) ?? 'year')}
            >
              {horizons.map((h) => (
                <option key={h} value={h}>
                  {horizonLabel[h]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={isStretch} onChange={(e) => setIsStretch(e.target.checked)} />{' '}
          Stretch
        </label>
      </div>
      <FormError error={create.error} fields={['title', 'horizon']} />
      <FormActions>
        <button type="submit" className="button button-primary button-small" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add objective'}
        </button>
        <button type="button" className="button button-small" onClick={() => setOpen(false)}>
          Done
        </button>
      </FormActions>
    </form>
  );
}
