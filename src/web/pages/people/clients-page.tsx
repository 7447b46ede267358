/** Clients: who owns the relationship and how many projects they have; managers and up add and edit them. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api, type Client } from '../../api/client';
import { invalidate, useClients } from '../../api/queries';
import { Field, FormActions, FormError } from '../../components/form';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { PersonSelect } from '../../components/pickers';
import { PersonLink } from '../../components/person-link';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { plural } from '../../lib/format';
import { useSession } from '../../lib/session';

export function ClientsPage() {
  useDocumentTitle('Clients');
  const session = useSession();
  const clients = useClients();
  const canWrite = session.can('clients.write');
  return (
    <div className="page">
      <PageHeader title="Clients" crumbs={[{ label: 'People', to: '/people' }]} />
      {canWrite ? <ClientForm /> : null}
      {clients.isPending ? (
        <Loading label="Loading clients…" />
      ) : clients.isError ? (
        <ErrorState error={clients.error} what="the clients" onRetry={() => void clients.refetch()} />
      ) : clients.data.items.length === 0 ? (
        <Empty title="No clients yet">
          {canWrite ? 'Add the first client above.' : 'A manager, leader or owner adds clients.'}
        </Empty>
      ) : (
        <div className="card card-flush">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Relationship owner</th>
                <th scope="col" className="num">
                  Projects
                </th>
                {canWrite ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {clients.data.items.map((client) => (
                <ClientRow key={client.id} client={client} canWrite={canWrite} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function ClientForm() {
  const [name, setName] = useState('');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const notify = useToast();
  const create = useMutation({
    mutationFn: () => api.clients.create({ name, ownerId }),
    onSuccess: async (client) => {
      notify(`Client “${client.name}” added`);
      setName('');
      setOwnerId(null);
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
        <Field label="New client" name="name" error={create.error} className="field-grow">
          {(props) => (
            <input
              {...props}
              data-search
              value={name}
              placeholder="e.g. Northwind Foods"
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label="Relationship owner" name="ownerId" error={create.error}>
          {(props) => <PersonSelect {...props} value={ownerId} onChange={setOwnerId} emptyLabel="No owner" />}
        </Field>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          Add client
        </button>
      </div>
      <FormError error={create.error} fields={['name', 'ownerId']} />
    </form>
  );
}

function ClientRow({ client, canWrite }: { client: Client; canWrite: boolean }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(client.name);
  const [ownerId, setOwnerId] = useState(client.ownerId);
  const queryClient = useQueryClient();
  const notify = useToast();
  const save = useMutation({
    mutationFn: () => api.clients.update(client.id, { name, ownerId }),
    onSuccess: async () => {
      notify('Client saved');
      setEditing(false);
      await invalidate.catalog(queryClient);
    },
  });
  const remove = useMutation({
    mutationFn: () => api.clients.remove(client.id),
    onSuccess: async () => {
      notify(`Client “${client.name}” deleted`);
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
            <Field label="Relationship owner" name="ownerId" error={save.error}>
              {(props) => (
                <PersonSelect {...props} value={ownerId} onChange={setOwnerId} emptyLabel="No owner" />
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
          <FormError error={save.error} fields={['name', 'ownerId']} />
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <td>
        <Link to={`/projects?client=${client.id}`} className="strong">
          {client.name}
        </Link>
      </td>
      <td>
        <PersonLink id={client.ownerId} empty="no owner" />
      </td>
      <td className="num">
        <Link to={`/projects?client=${client.id}`}>{plural(client.projectCount, 'project')}</Link>
      </td>
      {canWrite ? (
        <td className="num">
          <button
            type="button"
            className="link-button small"
            onClick={() => {
              setName(client.name);
              setOwnerId(client.ownerId);
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
              if (window.confirm(`Delete the client “${client.name}”?`)) remove.mutate();
            }}
          >
            Delete
          </button>
        </td>
      ) : null}
    </tr>
  );
}
