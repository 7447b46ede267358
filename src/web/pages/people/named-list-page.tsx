/**
 * One page for a short list of named things that each have one responsible person and a count
 * (clients with their relationship owner, teams with their lead): a table, an add form for those
 * allowed to write, and inline rename / reassign / delete per row. The pages are configs of this.
 * A row's edit sends what changed with the version it was changed from.
 */
import { useMutation, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Action } from '../../../core/roles';
import type { Items } from '../../api/client';
import { invalidate } from '../../api/queries';
import { SaveError } from '../../components/edit-conflict';
import { Field, FormActions, FormError } from '../../components/form';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { PersonSelect } from '../../components/pickers';
import { PersonLink } from '../../components/person-link';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { useSession } from '../../lib/session';
import { useEditForm } from '../../lib/use-edit-form';

/** A listed thing: an id, a name, its version, and the person field named by `K` (e.g. `ownerId`, `leadId`). */
export type NamedItem<K extends string> = { id: string; name: string; version: number } & Record<
  K,
  string | null
>;

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
    list: () => Promise<Items<T>>;
    create: (body: NamedBody<K>) => Promise<T>;
    update: (id: string, body: Partial<NamedBody<K>> & { version: number }) => Promise<unknown>;
    remove: (id: string) => Promise<unknown>;
  };
}

/** The create / update body: the name and the person field, e.g. `{ name, ownerId }`. */
export type NamedBody<K extends string> = { name: string } & Record<K, string | null>;

/** The person field of a body, e.g. `{ ownerId }`. */
function personPart<K extends string>(personField: K, personId: string | null): Record<K, string | null> {
  // A computed key of generic type widens to a string index, so say what it is.
  return { [personField]: personId } as Record<K, string | null>;
}

function bodyOf<K extends string>(personField: K, name: string, personId: string | null): NamedBody<K> {
  return { name, ...personPart(personField, personId) };
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
  const edit = useEditForm(item, (it: T) => ({ name: it.name, personId: personOf(it) }));
  const { name, personId } = edit.form;
  const setName = (value: string) => edit.setForm({ ...edit.form, name: value });
  const setPersonId = (value: string | null) => edit.setForm({ ...edit.form, personId: value });
  const queryClient = useQueryClient();
  const notify = useToast();
  const save = useMutation({
    // only what changed, with the version it was changed from
    mutationFn: (version: number) => {
      // TypeScript cannot see that an object without the generic key `K` is a Partial of it
      const body = { version } as Partial<NamedBody<K>> & { version: number };
      if (name !== edit.base.name) body.name = name;
      if (personId !== personOf(edit.base)) Object.assign(body, personPart(config.personField, personId));
      return config.resource.update(item.id, body);
    },
    onSuccess: async () => {
      notify(`${config.singular} saved`);
      setEditing(false);
      await invalidate.catalog(queryClient);
    },
  });
  const showTheirs = async () => {
    const stored = (await config.resource.list()).items.find((it) => it.id === item.id);
    if (!stored) throw new Error(`This ${config.singular.toLowerCase()} has been deleted.`);
    edit.reset(stored);
    save.reset();
    await invalidate.catalog(queryClient);
  };
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
              save.mutate(edit.base.version);
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
          <SaveError
            error={save.error}
            fields={['name', config.personField]}
            thing={config.singular.toLowerCase()}
            onShowTheirs={showTheirs}
            onSaveMine={(version) => save.mutate(version)}
            isSaving={save.isPending}
          />
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
              edit.discard();
              save.reset();
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
