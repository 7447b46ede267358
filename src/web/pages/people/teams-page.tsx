/** Teams: who leads them and how many people they have; owners and leaders add, rename and remove them. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api, type Team } from '../../api/client';
import { invalidate, useTeams } from '../../api/queries';
import { Field, FormActions, FormError } from '../../components/form';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { PersonSelect } from '../../components/pickers';
import { PersonLink } from '../../components/person-link';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { plural } from '../../lib/format';
import { useSession } from '../../lib/session';

export function TeamsPage() {
  useDocumentTitle('Teams');
  const session = useSession();
  const teams = useTeams();
  const canWrite = session.can('teams.write');
  return (
    <div className="page">
      <PageHeader title="Teams" crumbs={[{ label: 'People', to: '/people' }]} />
      {canWrite ? <TeamForm /> : null}
      {teams.isPending ? (
        <Loading label="Loading teams…" />
      ) : teams.isError ? (
        <ErrorState error={teams.error} what="the teams" onRetry={() => void teams.refetch()} />
      ) : teams.data.items.length === 0 ? (
        <Empty title="No teams yet">
          {canWrite ? 'Add the first team above.' : 'An owner or leader sets up teams.'}
        </Empty>
      ) : (
        <div className="card card-flush">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Lead</th>
                <th scope="col" className="num">
                  Members
                </th>
                {canWrite ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {teams.data.items.map((team) => (
                <TeamRow key={team.id} team={team} canWrite={canWrite} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function TeamForm() {
  const [name, setName] = useState('');
  const [leadId, setLeadId] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const notify = useToast();
  const create = useMutation({
    mutationFn: () => api.teams.create({ name, leadId }),
    onSuccess: async (team) => {
      notify(`Team “${team.name}” added`);
      setName('');
      setLeadId(null);
      await invalidate.catalog(queryClient);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form className="card inline-form" onSubmit={submit}>
      <div className="row row-end">
        <Field label="New team" name="name" error={create.error} className="field-grow">
          {(props) => (
            <input
              {...props}
              data-search
              value={name}
              placeholder="e.g. Design"
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label="Lead" name="leadId" error={create.error}>
          {(props) => <PersonSelect {...props} value={leadId} onChange={setLeadId} emptyLabel="No lead" />}
        </Field>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          Add team
        </button>
      </div>
      <FormError error={create.error} fields={['name', 'leadId']} />
    </form>
  );
}

function TeamRow({ team, canWrite }: { team: Team; canWrite: boolean }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(team.name);
  const [leadId, setLeadId] = useState(team.leadId);
  const queryClient = useQueryClient();
  const notify = useToast();
  const save = useMutation({
    mutationFn: () => api.teams.update(team.id, { name, leadId }),
    onSuccess: async () => {
      notify('Team saved');
      setEditing(false);
      await invalidate.catalog(queryClient);
    },
  });
  const remove = useMutation({
    mutationFn: () => api.teams.remove(team.id),
    onSuccess: async () => {
      notify(`Team “${team.name}” deleted`);
      await invalidate.catalog(queryClient);
    },
    onError: (error) => notify(error.message, 'bad'),
  });
  if (editing) {
    return (
      <tr>
        <td colSpan={4}>
          <form
            className="row row-end"
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate();
            }}
          >
            <Field label="Name" name="name" error={save.error} className="field-grow">
              {(props) => (
                <input {...props} autoFocus value={name} onChange={(e) => setName(e.target.value)} />
              )}
            </Field>
            <Field label="Lead" name="leadId" error={save.error}>
              {(props) => (
                <PersonSelect {...props} value={leadId} onChange={setLeadId} emptyLabel="No lead" />
              )}
            </Field>
            <FormActions>
              <button type="submit" className="button button-primary button-small" disabled={save.isPending}>
                Save
              </button>
              <button type="button" className="button button-small" onClick={() => setEditing(false)}>
                Cancel
              </button>
            </FormActions>
          </form>
          <FormError error={save.error} fields={['name', 'leadId']} />
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <td>
        <Link to={`/people?team=${team.id}`} className="strong">
          {team.name}
        </Link>
      </td>
      <td>
        <PersonLink id={team.leadId} empty="no lead" />
      </td>
      <td className="num">{plural(team.memberCount, 'person', 'people')}</td>
      {canWrite ? (
        <td className="num">
          <button
            type="button"
            className="link-button small"
            onClick={() => {
              setName(team.name);
              setLeadId(team.leadId);
              setEditing(true);
            }}
          >
            Edit
          </button>{' '}
          <button
            type="button"
            className="link-button small text-bad"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(`Delete the team “${team.name}”?`)) remove.mutate();
            }}
          >
            Delete
          </button>
        </td>
      ) : null}
    </tr>
  );
}
