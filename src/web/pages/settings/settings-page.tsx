/**
 * Settings: personal API tokens for everyone; the organization's name and public holidays for
 * owners/leaders; sign-in accounts for owners.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { limits } from '../../../core/limits';
import { api, type CreatedToken, type User } from '../../api/client';
import { invalidate, keys, usePeopleLookup, useTokens, useUsers } from '../../api/queries';
import { CopyButton } from '../../components/copy-button';
import { Field, FormActions, FormError } from '../../components/form';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { ChangePasswordForm } from '../auth/change-password';
import { PersonSelect } from '../../components/pickers';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { fmtDateTime } from '../../lib/format';
import { roleLabel, roleOptions } from '../../lib/labels';
import { useSession } from '../../lib/session';
import { OrganizationSettings } from './organization-settings';
export function SettingsPage() {
  useDocumentTitle('Settings');
  const session = useSession();
  return (
    <div className="page narrow-wide">
      <PageHeader title="Settings">
        <p className="muted">
          Signed in as {session.me.name} ({session.me.email}) · {roleLabel[session.me.role]} at{' '}
          {session.me.organization.name}
        </p>
      </PageHeader>
      {session.can('org.update') ? <OrganizationSettings /> : null}
      <section className="card stack" aria-labelledby="password-heading">
        <h2 id="password-heading">Your password</h2>
        <ChangePasswordForm />
      </section>
      <Tokens />
      {session.can('users.manage') ? <Accounts /> : null}
    </div>
  );
}

function Tokens() {
  const tokens = useTokens();
  const queryClient = useQueryClient();
  const notify = useToast();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const create = useMutation({
    mutationFn: () => api.tokens.create(name),
    onSuccess: async (token) => {
      setCreated(token);
      setName('');
      await queryClient.invalidateQueries({ queryKey: keys.tokens });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.tokens.revoke(id),
    onSuccess: async () => {
      notify('Token revoked');
      await queryClient.invalidateQueries({ queryKey: keys.tokens });
    },
    onError: (error) => notify(error.message, 'bad'),
  });
  const revokeAll = useMutation({
    mutationFn: api.tokens.revokeAll,
    onSuccess: async ({ revoked }) => {
      notify(revoked === 1 ? 'Your token was revoked' : `All ${revoked} of your tokens were revoked`);
      await queryClient.invalidateQueries({ queryKey: keys.tokens });
    },
    onError: (error) => notify(error.message, 'bad'),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <section className="card" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">Personal API tokens</h2>
      <p className="muted small">
        For scripts and integrations: send <code>Authorization: Bearer &lt;token&gt;</code>. A token acts as
        you, with your role, until you revoke it or change your password. The API is documented at{' '}
        <a href="/api/docs">/api/docs</a>.
      </p>
      <form className="row row-end" onSubmit={submit}>
        <Field label="Token name" name="name" error={create.error} className="field-grow">
          {(props) => (
            <input
              {...props}
              value={name}
              placeholder="e.g. Reporting script"
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create token'}
        </button>
      </form>
      <FormError error={create.error} fields={['name']} />
      {created ? (
        <div className="notice notice-good token-reveal" role="status">
          <p>
            <strong>Copy the token “{created.name}” now.</strong> It is shown only once; Tandem keeps only a
            hash of it.
          </p>
          <div className="row">
            <code className="token-value" data-testid="created-token">
              {created.token}
            </code>
            <CopyButton text={created.token} />
            <button type="button" className="button button-ghost" onClick={() => setCreated(null)}>
              I have stored it
            </button>
          </div>
        </div>
      ) : null}
      {tokens.isPending ? (
        <Loading label="Loading tokens…" />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} what="your tokens" onRetry={() => void tokens.refetch()} />
      ) : tokens.data.items.length === 0 ? (
        <p className="muted small">You have no tokens.</p>
      ) : (
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.items.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>
                  <code>{t.prefix}…</code>
                </td>
                <td>{fmtDateTime(t.createdAt)}</td>
                <td>{t.lastUsedAt ? fmtDateTime(t.lastUsedAt) : <span className="muted">never</span>}</td>
                <td className="num">
                  <button
                    type="button"
                    className="link-button small text-bad"
                    disabled={revoke.isPending}
                    onClick={() => {
                      if (window.confirm(`Revoke “${t.name}”? Programs using it stop working at once.`))
                        revoke.mutate(t.id);
                    }}
                  >
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {tokens.data && tokens.data.items.length > 1 ? (
        <button
          type="button"
          className="button button-ghost text-bad"
          disabled={revokeAll.isPending}
          onClick={() => {
            if (window.confirm('Revoke all your tokens? Every program using one stops working at once.'))
              revokeAll.mutate();
          }}
        >
          Revoke all tokens
        </button>
      ) : null}
    </section>
  );
}

function Accounts() {
  const users = useUsers(true);
  const people = usePeopleLookup();
  const queryClient = useQueryClient();
  const notify = useToast();
  const [form, setForm] = useState<{
    personId: string | null;
    email: string;
    password: string;
    role: User['role'];
  }>({
    personId: null,
    email: '',
    password: '',
    role: 'member',
  });
  const create = useMutation({
    mutationFn: () => api.users.create({ ...form, personId: form.personId ?? '' }),
    onSuccess: async (user) => {
      notify(`${user.name} can now sign in as ${roleLabel[user.role].toLowerCase()}`);
      setForm({ personId: null, email: '', password: '', role: 'member' });
      await invalidate.account(queryClient);
    },
  });
  const withAccount = new Set(
    (users.data?.items ?? []).map((u) => u.personId).filter((id): id is string => id !== null),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <section className="card" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">Accounts</h2>
      <p className="muted small">
        Give a person a sign-in and a role. Owners manage accounts; leaders set the strategy and look after
        people; managers run projects; members do and log their work.
      </p>
      <form className="stack" onSubmit={submit}>
        <div className="row">
          <Field label="Person" name="personId" error={create.error}>
            {(props) => (
              <PersonSelect
                {...props}
                value={form.personId}
                exclude={[...withAccount]}
                onChange={(personId) => {
                  const person = personId ? people.byId.get(personId) : undefined;
                  setForm({ ...form, personId, email: form.email || person?.email || '' });
                }}
                emptyLabel="Choose a person without a sign-in…"
              />
            )}
          </Field>
          <Field label="Role" name="role" error={create.error}>
            {(props) => (
              <select
                {...props}
                value={form.role}
                onChange={(e) =>
                  setForm({ ...form, role: roleOptions.find((r) => r === e.target.value) ?? 'member' })
                }
              >
                {roleOptions.map((r) => (
                  <option key={r} value={r}>
                    {roleLabel[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="row">
          <Field label="Email" name="email" error={create.error} className="field-grow">
            {(props) => (
              <input
                {...props}
                type="email"
                autoComplete="off"
                value={form.email}
                onChange={(e) => setForm({ ...form, email: e.target.value })}
              />
            )}
          </Field>
          <Field
            label="First password"
            name="password"
            error={create.error}
            hint={`At least ${limits.passwordMin} characters; share it privately. They must choose their own at first sign-in.`}
            className="field-grow"
          >
            {(props) => (
              <input
                {...props}
                type="password"
                autoComplete="new-password"
                value={form.password}
                onChange={(e) => setForm({ ...form, password: e.target.value })}
              />
            )}
          </Field>
        </div>
        <FormError error={create.error} fields={['personId', 'role', 'email', 'password']} />
        <FormActions>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Give a sign-in'}
          </button>
          <Link to="/people?new=1" className="button button-ghost">
            Add a person first
          </Link>
        </FormActions>
      </form>
      {users.isPending ? (
        <Loading label="Loading accounts…" />
      ) : users.isError ? (
        <ErrorState error={users.error} what="the accounts" onRetry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        <Empty title="No accounts yet." />
      ) : (
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Since</th>
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((u) => (
              <UserRow key={u.id} user={u} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function UserRow({ user }: { user: User }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const notify = useToast();
  const update = useMutation({
    mutationFn: (role: User['role']) => api.users.update(user.id, { role }),
    onSuccess: async (_saved, role) => {
      notify(`${user.name} is now ${roleLabel[role].toLowerCase()}`);
      await invalidate.account(queryClient);
    },
    onError: (error) => notify(error.message, 'bad'),
  });
  const isSelf = user.id === session.me.userId;
  return (
    <tr>
      <td>{user.personId ? <Link to={`/people/${user.personId}`}>{user.name}</Link> : user.name}</td>
      <td>{user.email}</td>
      <td>
        <select
          aria-label={`Role of ${user.name}`}
          value={user.role}
          disabled={update.isPending}
          onChange={(e) => {
            const role = roleOptions.find((r) => r === e.target.value);
            if (!role) return;
            if (
              isSelf &&
              role !== 'owner' &&
              !window.confirm('Give up your own owner role? You will lose access to this page.')
            )
              return;
            update.mutate(role);
          }}
        >
          {roleOptions.map((r) => (
            <option key={r} value={r}>
              {roleLabel[r]}
            </option>
          ))}
        </select>
      </td>
      <td>{fmtDateTime(user.createdAt)}</td>
    </tr>
  );
}
