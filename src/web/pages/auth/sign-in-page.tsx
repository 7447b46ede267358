import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { keys, useMe, useSetupStatus } from '../../api/queries';
import { Field, FormError } from '../../components/form';
import { useDocumentTitle } from '../../components/page-header';
import { Loading } from '../../components/states';
import { organizationChoices, safeNext, type OrganizationChoice } from '../../lib/sign-in';

export function SignInPage() {
  useDocumentTitle('Sign in');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const setup = useSetupStatus();
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [choices, setChoices] = useState<OrganizationChoice[]>([]);
  const [organizationId, setOrganizationId] = useState('');
  const login = useMutation({
    mutationFn: api.auth.login,
    onSuccess: async (account) => {
      queryClient.clear();
      queryClient.setQueryData(keys.me, account);
      await navigate(next, { replace: true });
      void queryClient.invalidateQueries({ queryKey: keys.me });
    },
    onError: (error) => {
      const found = organizationChoices(error);
      if (found.length > 0) {
        setChoices(found);
        setOrganizationId(found[0]!.id);
      }
    },
  });

  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (me.data && !login.isPending) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      choices.length > 0 && organizationId ? { email, password, organizationId } : { email, password },
    );
  };
  const choosing = choices.length > 0 && organizationChoices(login.error).length > 0;

  return (
    <div className="auth-page">
      <form className="auth-card" onSubmit={submit} noValidate>
        <div className="auth-brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Tandem</span>
        </div>
        <h1>Sign in</h1>
        <p className="muted">Vision, people and the work that gets you there, in one place.</p>
        {setup.isPending ? <Loading label="Checking this server…" /> : null}
        <Field label="Email" name="email" error={login.error}>
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="username"
              autoFocus
              required
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                setChoices([]);
              }}
            />
          )}
        </Field>
        <Field label="Password" name="password" error={login.error}>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        {choices.length > 0 ? (
          <fieldset className="stack">
            <legend>Your email signs in to several organizations. Which one?</legend>
            {choices.map((org) => (
              <label key={org.id} className="row">
                <input
                  type="radio"
                  name="organizationId"
                  value={org.id}
                  checked={organizationId === org.id}
                  onChange={() => setOrganizationId(org.id)}
                />
                {org.name}
              </label>
            ))}
          </fieldset>
        ) : null}
        {choosing ? null : <FormError error={login.error} fields={['email', 'password']} />}
        <button type="submit" className="button button-primary button-block" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="muted small">
          No account yet? Ask an owner of your organization to give you a sign-in (Settings → Accounts). For
          programs, use a personal API token; the API is documented at <a href="/api/docs">/api/docs</a>.
        </p>
        {next !== '/' ? (
          <p className="muted small">
            After signing in you go back to <code>{next}</code>. <Link to="/sign-in">Go to Home instead</Link>
          </p>
        ) : null}
      </form>
    </div>
  );
}
