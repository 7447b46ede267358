/** Settings: the organization's name and the public holidays its people have off. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api, type Organization } from '../../api/client';
import { invalidate, keys, useOrganization } from '../../api/queries';
import { HolidayList } from '../../components/holiday-list';
import { SaveError } from '../../components/edit-conflict';
import { Field } from '../../components/form';
import { HolidayRegionSelect } from '../../components/pickers';
import { ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { useEditForm } from '../../lib/use-edit-form';

export function OrganizationSettings() {
  const organization = useOrganization();
  return (
    <section className="card" aria-labelledby="org-heading">
      <h2 id="org-heading">Organization</h2>
      {organization.data ? (
        <>
          <OrganizationName organization={organization.data} />
          <OrganizationHolidays organization={organization.data} />
        </>
      ) : organization.isError ? (
        <ErrorState
          error={organization.error}
          what="the organization"
          onRetry={() => void organization.refetch()}
        />
      ) : (
        <Loading label="Loading the organization…" />
      )}
      <p className="muted small">
        The vision and the strategic pillars are edited on the <Link to="/strategy">strategy map</Link>.
      </p>
    </section>
  );
}

const nameForm = (organization: Organization) => ({ name: organization.name });

function OrganizationName({ organization }: { organization: Organization }) {
  const queryClient = useQueryClient();
  const notify = useToast();
  const edit = useEditForm(organization, nameForm);
  const save = useMutation({
    mutationFn: (version: number) => api.organization.update({ name: edit.form.name, version }),
    onSuccess: async (saved) => {
      notify('Organization renamed');
      edit.reset(saved);
      await Promise.all([
        invalidate.strategy(queryClient),
        queryClient.invalidateQueries({ queryKey: keys.me }),
      ]);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(edit.base.version);
  };
  const showTheirs = async () => {
    const stored = await queryClient.fetchQuery({
      queryKey: keys.organization,
      queryFn: api.organization.get,
    });
    edit.reset(stored);
    save.reset();
    await invalidate.strategy(queryClient);
  };
  return (
    <>
      <form className="row row-end" onSubmit={submit}>
        <Field label="Name" name="name" error={save.error} className="field-grow">
          {(props) => (
            <input
              {...props}
              value={edit.form.name}
              onChange={(e) => edit.setForm({ name: e.target.value })}
            />
          )}
        </Field>
        <button type="submit" className="button" disabled={save.isPending || !edit.isDirty}>
          Rename
        </button>
      </form>
      <SaveError
        error={save.error}
        fields={['name']}
        thing="organization"
        onShowTheirs={showTheirs}
        onSaveMine={(version) => save.mutate(version)}
        isSaving={save.isPending}
      />
    </>
  );
}

const holidayForm = (organization: Organization) => ({ holidayRegion: organization.holidayRegion });

/** Whose public holidays are days off for everyone without a region of their own. */
function OrganizationHolidays({ organization }: { organization: Organization }) {
  const queryClient = useQueryClient();
  const notify = useToast();
  const edit = useEditForm(organization, holidayForm);
  const save = useMutation({
    mutationFn: (version: number) =>
      api.organization.update({ holidayRegion: edit.form.holidayRegion, version }),
    onSuccess: async (saved) => {
      notify(
        saved.holidays.region ? `Public holidays of ${saved.holidays.region.name}` : 'No public holidays',
      );
      edit.reset(saved);
      // days off change every figure of capacity: the planner, workload, schedules, forecasts, budgets
      await queryClient.invalidateQueries();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(edit.base.version);
  };
  const showTheirs = async () => {
    const stored = await queryClient.fetchQuery({
      queryKey: keys.organization,
      queryFn: api.organization.get,
    });
    edit.reset(stored);
    save.reset();
    await invalidate.strategy(queryClient);
  };
  return (
    <div className="holiday-settings">
      <h3>Public holidays</h3>
      <p className="muted small">
        The public holidays of this country or region are days off for everyone (someone elsewhere can have
        their own on their profile): the planner schedules no work on them, and the workload, schedules,
        forecasts and budgets count them.
      </p>
      <form className="row row-end" onSubmit={submit}>
        <Field label="Country or region" name="holidayRegion" error={save.error} className="field-grow">
          {(props) => (
            <HolidayRegionSelect
              {...props}
              value={edit.form.holidayRegion}
              onChange={(holidayRegion) => edit.setForm({ holidayRegion })}
              emptyLabel="None: no public holidays off"
            />
          )}
        </Field>
        <button type="submit" className="button" disabled={save.isPending || !edit.isDirty}>
          Save
        </button>
      </form>
      <SaveError
        error={save.error}
        fields={['holidayRegion']}
        thing="organization"
        onShowTheirs={showTheirs}
        onSaveMine={(version) => save.mutate(version)}
        isSaving={save.isPending}
      />
      {organization.holidays.region ? (
        <p className="small">Next in {organization.holidays.region.name}:</p>
      ) : null}
      <HolidayList holidays={organization.holidays} label="Next public holidays" />
    </div>
  );
}
