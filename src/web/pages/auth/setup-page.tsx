import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { limits } from '../../../core/limits';
import { api } from '../../api/client';
import { keys, useSetupStatus } from '../../api/queries';
import { Field, FormError } from '../../components/form';
import { useDocumentTitle } from '../../components/page-header';
import { ErrorState, Loading } from '../../components/states';

/** First run: the organization and its owner's account, then straight into the app. */
export function SetupPage() {
  useDocumentTitle('Set up Tandem');
  const status = useSetupStatus();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [form, setForm] = useState({ organizationName: '', ownerName: '', email: '', password: '' });
  const setup = useMutation({
    mutationFn: api.auth.setup,
    onSuccess: async (account) => {
      queryClient.clear();
      queryClient.setQueryData(keys.me, account);
      await navigate('/strategy', { replace: true });
    },
  });
  const set = (field: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setup.mutate(form);
  };

  if (status.isPending) {
    return (
      <div className="auth-page">
        <Loading label="Checking this server…" />
      </div>
    );
  }
  if (status.isError) {
    return (
      <div className="auth-page">
        <ErrorState error={status.error} what="the setup status" onRetry={() => void status.refetch()} />
      </div>
    );
  }
  if (!status.data.needsSetup && !setup.isPending && !setup.isSuccess) {
    return (
      <div className="auth-page">
        <div className="auth-card">
          <h1>Already set up</h1>
          <p>This Tandem server already has an organization.</p>
          <Link className="button button-primary button-block" to="/sign-in">
            Sign in
          </Link>
        </div>
      </div>
    );
  }

  return (
    <div className="auth-page">
      <form className="auth-card" onSubmit={submit} noValidate>
        <div className="auth-brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Tandem</span>
        </div>
        <h1>Welcome — let’s set up your organization</h1>
        <p className="muted">
          You become its owner. You can invite leaders, managers and members afterwards.
        </p>
        <Field label="Organization name" name="organizationName" error={setup.error}>
          {(props) => (
            <input
              {...props}
              autoFocus
              value={form.organizationName}
              onChange={(e) => set('organizationName')(e.target.value)}
              placeholder="e.g. Northwind Creative"
            />
          )}
        </Field>
        <Field label="Your name" name="ownerName" error={setup.error}>
          {(props) => (
            <input
              {...props}
              autoComplete="name"
              value={form.ownerName}
              onChange={(e) => set('ownerName')(e.target.value)}
            />
          )}
        </Field>
        <Field label="Email" name="email" error={setup.error}>
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="username"
              value={form.email}
              onChange={(e) => set('email')(e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Password"
          name="password"
          error={setup.error}
          hint={`At least ${limits.passwordMin} characters.`}
        >
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => set('password')(e.target.value)}
            />
          )}
        </Field>
        <FormError error={setup.error} fields={['organizationName', 'ownerName', 'email', 'password']} />
        <button type="submit" className="button button-primary button-block" disabled={setup.isPending}>
          {setup.isPending ? 'Creating…' : 'Create organization'}
        </button>
      </form>
    </div>
  );
}
