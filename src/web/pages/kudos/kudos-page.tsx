/** Recognition: give kudos to anyone (optionally for one of the organization's values) and read the feed. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { peopleSideApi, type Kudos } from '../../api/people-side';
import { invalidateSide, useKudos, useValues, useValuesLookup } from '../../api/people-side-queries';
import { usePeopleLookup } from '../../api/queries';
import { Field, FormActions, FormError } from '../../components/form';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { Avatar, PersonLink } from '../../components/person-link';
import { PersonSelect } from '../../components/pickers';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { fmtDate, plural } from '../../lib/format';
import { useSession } from '../../lib/session';

export function KudosPage() {
  useDocumentTitle('Kudos');
  const [params, setParams] = useSearchParams();
  const valueFilter = params.get('value');
  const mineOnly = params.get('mine') === '1';
  const { me } = useSession();
  const values = useValues();
  const [limit, setLimit] = useState(25);
  const feed = useKudos({
    limit,
    ...(valueFilter ? { valueId: valueFilter } : {}),
    ...(mineOnly && me.personId ? { personId: me.personId } : {}),
  });
  const setFilter = (key: string, value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value === null) next.delete(key);
      else next.set(key, value);
      return next;
    });

  return (
    <div className="page">
      <PageHeader title="Kudos">
        <p className="muted">Say thank you where everyone can see it — and name the value it lived.</p>
      </PageHeader>
      <div className="grid-main-side">
        <div className="stack">
          <section className="card" aria-labelledby="feed-heading">
            <div className="card-title-row">
              <h2 id="feed-heading">Feed</h2>
              <span className="muted small">
                {feed.data ? plural(feed.data.total, 'kudos', 'kudos') : ''}
              </span>
            </div>
            <div className="chips filter-chips" role="group" aria-label="Filter by value">
              <button
                type="button"
                className={`chip${!valueFilter && !mineOnly ? ' is-active' : ''}`}
                onClick={() => setParams({})}
              >
                All
              </button>
              {me.personId ? (
                <button
                  type="button"
                  className={`chip${mineOnly ? ' is-active' : ''}`}
                  onClick={() => setFilter('mine', mineOnly ? null : '1')}
                >
                  For me
                </button>
              ) : null}
              {(values.data?.items ?? []).map((v) => (
                <button
                  key={v.id}
                  type="button"
                  className={`chip chip-value${valueFilter === v.id ? ' is-active' : ''}`}
                  onClick={() => setFilter('value', valueFilter === v.id ? null : v.id)}
                >
                  {v.name}
                </button>
              ))}
            </div>
            {feed.isPending ? (
              <Loading label="Loading kudos…" />
            ) : feed.isError ? (
              <ErrorState error={feed.error} what="the kudos" onRetry={() => void feed.refetch()} />
            ) : feed.data.items.length === 0 ? (
              <Empty title="No kudos here yet">Be the first: thank someone for something specific.</Empty>
            ) : (
              <>
                <ul className="kudos-feed">
                  {feed.data.items.map((k) => (
                    <KudosItem key={k.id} kudos={k} />
                  ))}
                </ul>
                {feed.data.total > feed.data.items.length ? (
                  <button type="button" className="button show-more" onClick={() => setLimit(limit + 25)}>
                    Show more ({feed.data.total - feed.data.items.length} older)
                  </button>
                ) : null}
              </>
            )}
          </section>
        </div>
        <div className="stack">
          <GiveKudos initialTo={params.get('to')} />
          <ValuesCard />
        </div>
      </div>
    </div>
  );
}

export function KudosItem({ kudos, hideTo }: { kudos: Kudos; hideTo?: boolean }) {
  const people = usePeopleLookup();
  const values = useValuesLookup();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const notify = useToast();
  const value = kudos.valueId ? values.get(kudos.valueId) : undefined;
  const from = people.byId.get(kudos.fromId);
  const remove = useMutation({
    mutationFn: () => peopleSideApi.kudos.remove(kudos.id),
    onSuccess: () => invalidateSide.kudos(queryClient),
    onError: (error) => notify(error.message, 'bad'),
  });
  return (
    <li className="kudos-item">
      <Avatar name={from?.name ?? '?'} />
      <div>
        <p className="kudos-who small">
          <PersonLink id={kudos.fromId} />
          {hideTo ? null : (
            <>
              {' '}
              → <PersonLink id={kudos.toId} />
            </>
          )}
          {value ? <span className="chip chip-value">{value.name}</span> : null}
          {kudos.helpedOthers ? <span className="chip chip-help">Helped others</span> : null}
        </p>
        <p className="kudos-message">{kudos.message}</p>
        <p className="muted small">
          {fmtDate(kudos.createdAt)}
          {kudos.fromId === me.personId ? (
            <>
              {' · '}
              <button type="button" className="link-button small" onClick={() => remove.mutate()}>
                Take back
              </button>
            </>
          ) : null}
        </p>
      </div>
    </li>
  );
}

export function GiveKudos({ initialTo }: { initialTo: string | null }) {
  const { me } = useSession();
  const values = useValues();
  const queryClient = useQueryClient();
  const notify = useToast();
  const people = usePeopleLookup();
  const [toId, setToId] = useState<string | null>(initialTo);
  const [valueId, setValueId] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [helpedOthers, setHelpedOthers] = useState(false);
  const give = useMutation({
    mutationFn: () => peopleSideApi.kudos.give({ toId: toId ?? '', message, valueId, helpedOthers }),
    onSuccess: async () => {
      notify(`Kudos sent to ${people.byId.get(toId ?? '')?.name ?? 'them'}`);
      setMessage('');
      setValueId(null);
      setHelpedOthers(false);
      await invalidateSide.kudos(queryClient);
    },
  });
  if (!me.personId)
    return (
      <section className="card">
        <h2>Give kudos</h2>
        <p className="muted small">Kudos come from a person: link your account to a profile first.</p>
      </section>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    give.mutate();
  };
  return (
    <section className="card" aria-labelledby="give-heading">
      <h2 id="give-heading">Give kudos</h2>
      <form className="stack" onSubmit={submit}>
        <Field label="To" name="toId" error={give.error}>
          {(props) => (
            <PersonSelect
              {...props}
              value={toId}
              onChange={setToId}
              exclude={[me.personId!]}
              emptyLabel="Choose someone…"
            />
          )}
        </Field>
        <fieldset className="fieldset value-picker">
          <legend>For which value? (optional)</legend>
          <div className="chips">
            {(values.data?.items ?? []).map((v) => (
              <label
                key={v.id}
                className={`chip chip-value chip-radio${valueId === v.id ? ' is-active' : ''}`}
                title={v.description}
              >
                <input
                  type="radio"
                  name="kudos-value"
                  value={v.id}
                  checked={valueId === v.id}
                  onChange={() => setValueId(v.id)}
                />
                {v.name}
              </label>
            ))}
            <label className={`chip chip-radio${valueId === null ? ' is-active' : ''}`}>
              <input
                type="radio"
                name="kudos-value"
                checked={valueId === null}
                onChange={() => setValueId(null)}
              />
              No value
            </label>
          </div>
        </fieldset>
        <Field
          label="What they did"
          name="message"
          error={give.error}
          hint="Be specific: what, and why it mattered."
        >
          {(props) => (
            <textarea
              {...props}
              rows={3}
              value={message}
              maxLength={1000}
              onChange={(e) => setMessage(e.target.value)}
            />
          )}
        </Field>
        <label className="checkbox small">
          <input type="checkbox" checked={helpedOthers} onChange={(e) => setHelpedOthers(e.target.checked)} />{' '}
          They helped me or others
        </label>
        <FormError error={give.error} fields={['toId', 'message', 'valueId']} />
        <FormActions>
          <button
            type="submit"
            className="button button-primary"
            disabled={give.isPending || !toId || !message.trim()}
          >
            Send kudos
          </button>
        </FormActions>
      </form>
    </section>
  );
}

function ValuesCard() {
  const session = useSession();
  const values = useValues();
  const queryClient = useQueryClient();
  const notify = useToast();
  const [name, setName] = useState('');
  const canEdit = session.can('org.update');
  const add = useMutation({
    mutationFn: () => peopleSideApi.values.create({ name }),
    onSuccess: async () => {
      setName('');
      await invalidateSide.values(queryClient);
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => peopleSideApi.values.remove(id),
    onSuccess: () => invalidateSide.values(queryClient),
    onError: (error) => notify(error.message, 'bad'),
  });
  return (
    <section className="card" aria-labelledby="values-heading">
      <h2 id="values-heading">Our values</h2>
      {values.isPending ? (
        <Loading />
      ) : (values.data?.items ?? []).length === 0 ? (
        <p className="muted small">
          {canEdit
            ? 'No values yet: add the few words your organization lives by.'
            : 'No values recorded yet.'}
        </p>
      ) : (
        <ul className="plain-list compact">
          {values.data!.items.map((v) => (
            <li key={v.id}>
              <div className="row-between">
                <span className="strong">{v.name}</span>
                <span className="row-tight muted small">
                  {plural(v.kudosCount, 'kudos', 'kudos')}
                  {canEdit ? (
                    <button
                      type="button"
                      className="icon-button small"
                      aria-label={`Remove the value ${v.name}`}
                      onClick={() => {
                        if (window.confirm(`Remove the value “${v.name}”? Kudos keep their message.`))
                          remove.mutate(v.id);
                      }}
                    >
                      ×
                    </button>
                  ) : null}
                </span>
              </div>
              {v.description ? <p className="muted small">{v.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <form
          className="add-row"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) add.mutate();
          }}
        >
          <label className="visually-hidden" htmlFor="value-new">
            New value
          </label>
          <input
            id="value-new"
            placeholder="New value…"
            value={name}
            maxLength={60}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" className="button button-small" disabled={!name.trim() || add.isPending}>
            Add
          </button>
        </form>
      ) : null}
      <FormError error={add.error} />
    </section>
  );
}
