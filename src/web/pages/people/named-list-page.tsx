/**
 * One page for a short list of named things that each have one responsible person and a count
 * (clients with their relationship owner, teams with their lead): a table, an add form for those
 * allowed to write, and inline rename / reassign / delete per row. The pages are configs of this.
 */
import { useMutation, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Action } from '../../../core/roles';
import type { Items } from '../../api/client';
import { invalidate } from '../../api/queries';
import { Field, FormActions, FormError } from '../../components/form';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { PersonSelect } from '../../components/pickers';
import { PersonLink } from '../../components/person-link';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { useSession } from '../../lib/session';

/** A listed thing: an id, a name, and the person field named by `K` (e.g. `ownerId`, `leadId`). */
export type NamedItem<K extends string> = { id: string; name: string } & Record<K, string | null>;

export interface NamedListConfig<T extends NamedItem<K>, K extends string> {
  /** Capitalised nouns, e.g. 'Client' / 'Clients'; lower-cased where the wording needs it. */
  singular: string;
  plural: string;
  /** Shown to people who may not write when the list is empty. */
  emptyHint: string;
  /** Placeholder for the new item's name. */
  placeholder: string;
  /** The person field on the item and in the create/update bodies (also the form-error key). */
  personField: K;
  /** Label of the person column and picker, e.g. 'Relationship owner'. */
  personLabel: string;
  /** Picker label for nobody, e.g. 'No owner' (lower-cased in the table). */
  noPersonLabel: string;
  /** Header of the count column, e.g. 'Projects'. */
  countLabel: string;
  /** The count cell's content, e.g. '3 projects'. */
  renderCount: (item: T) => ReactNode;
  /** Where the item's name links to. */
  linkTo: (item: T) => string;
  /** Who may add, edit and delete. */
  permission: Action;
  useList: () => UseQueryResult<Items<T>>;
  /** The API resource, e.g. `api.clients`. */
  resource: {
    create: (body: NamedBody<K>) => Promise<T>;
    update: (id: string, body: NamedBody<K>) => Promise<unknown>;
    remove: (id: string) => Promise<unknown>;
  };
}

/** The create / update body: the name and the person field, e.g. `{ name, ownerId }`. */
export type NamedBody<K extends string> = { name: string } & Record<K, string | null>;

function bodyOf<K extends string>(personField: K, name: string, personId: string | null): NamedBody<K> {
  // A computed key of generic type widens to a string index, so say what it is.
  const person = { [personField]: personId } as Record<K, string | null>;
  return { name, ...person };
}

export function NamedListPage<T extends NamedItem<K>, K extends string>({
  config,
}: {
  config: NamedListConfig<T, K>;
}) {
  const { singular, plural } = config;
  const lowerPlural = plural.toLowerCase();
  useDocumentTitle(plural);
  const session = useSession();
  const list = config.useList();
  const canWrite = session.can(config.permission);
  return (
    <div className="page">
      <PageHeader title={plural} crumbs={[{ label: 'People', to: '/people' }]} />
      {canWrite ? <NamedItemForm config={config} /> : null}
      {list.isPending ? (
        <Loading label={`Loading ${lowerPlural}…`} />
      ) : list.isError ? (
        <ErrorState error={list.error} what={`the ${lowerPlural}`} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty title={`No ${lowerPlural} yet`}>
          {canWrite ? `Add the first ${singular.toLowerCase()} above.` : config.emptyHint}
        </Empty>
      ) : (
        <div className="card card-flush">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{singular}</th>
                <th scope="col">{config.personLabel}</th>
                <th scope="col" className="num">
                  {config.countLabel}
                </th>
                {canWrite ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((item) => (
                <NamedItemRow key={item.id} item={item} config={config} canWrite={canWrite} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function NamedItemForm<T extends NamedItem<K>, K extends string>({
  config,
}: {
  config: NamedListConfig<T, K>;
}) {
  const [name, setName] = useState('');
  const [personId, setPersonId] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const notify = useToast();
  const create = useMutation({
    mutationFn: () => config.resource.create(bodyOf(config.personField, name, personId)),
    onSuccess: async (item) => {
      notify(`${config.singular} “${item.name}” added`);
      setName('');
      setPersonId(null);
      await invalidate.catalog(queryClient);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const lowerSingular = config.singular.toLowerCase();
  return (
    <form className="card inline-form" onSubmit={submit}>
      <div className="row row-end">
        <Field label={`New ${lowerSingular}`} name="name" error={create.error} className="field-grow">
          {(props) => (
            <input
              {...props}
              data-search
              value={name}
              placeholder={config.placeholder}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <PersonField config={config} value={personId} onChange={setPersonId} error={create.error} />
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          Add {lowerSingular}
        </button>
      </div>
      <FormError error={create.error} fields={['name', config.personField]} />
    </form>
  );
}

/** The responsible-person picker, in both the add form and a row being edited. */
function PersonField<T extends NamedItem<K>, K extends string>({
  config,
  value,
  onChange,
  error,
}: {
  config: NamedListConfig<T, K>;
  value: string | null;
  onChange: (personId: string | null) => void;
  error: unknown;
}) {
  return (
    <Field label={config.personLabel} name={config.personField} error={error}>
      {(props) => (
        <PersonSelect {...props} value={value} onChange={onChange} emptyLabel={config.noPersonLabel} />
      )}
    </Field>
  );
}

function NamedItemRow<T extends NamedItem<K>, K extends string>({
  item,
  config,
  canWrite,
}: {
  item: T;
  config: NamedListConfig<T, K>;
  canWrite: boolean;
}) {
  const personOf = (it: T): string | null => it[config.personField];
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(item.name);
  const [personId, setPersonId] = useState(personOf(item));
  const queryClient = useQueryClient();
  const notify = useToast();
  const save = useMutation({
    mutationFn: () => config.resource.update(item.id, bodyOf(config.personField, name, personId)),
    onSuccess: async () => {
      notify(`${config.singular} saved`);
      setEditing(false);
      await invalidate.catalog(queryClient);
    },
  });
  const remove = useMutation({
    mutationFn: () => config.resource.remove(item.id),
    onSuccess: async () => {
      notify(`${config.singular} “${item.name}” deleted`);
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
            <PersonField config={config} value={personId} onChange={setPersonId} error={save.error} />
            <FormActions>
              <button type="submit" className="button button-primary button-small" disabled={save.isPending}>
                Save
              </button>
              <button type="button" className="button button-small" onClick={() => setEditing(false)}>
                Cancel
              </button>
            </FormActions>
          </form>
          <FormError error={save.error} fields={['name', config.personField]} />
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <td>
        <Link to={config.linkTo(item)} className="strong">
          {item.name}
        </Link>
      </td>
      <td>
        <PersonLink id={personOf(item)} empty={config.noPersonLabel.toLowerCase()} />
      </td>
      <td className="num">{config.renderCount(item)}</td>
      {canWrite ? (
        <td className="num">
          <button
            type="button"
            className="link-button small"
            onClick={() => {
              setName(item.name);
              setPersonId(personOf(item));
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
              if (window.confirm(`Delete the ${config.singular.toLowerCase()} “${item.name}”?`))
                remove.mutate();
            }}
          >
            Delete
          </button>
        </td>
      ) : null}
    </tr>
  );
}
