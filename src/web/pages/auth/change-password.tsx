/**
 * Setting your own password. Required before anything else when someone else chose it (an owner who
 * created the account, or a reset on the server): nobody can sign in as someone and read their 1:1s.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { limits } from '../../../core/limits';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import { Field, FormActions, FormError } from '../../components/form';
import { useToast } from '../../components/toast';
import { passwordChangedMessage } from '../../lib/sign-in';

export function ChangePasswordForm({ onDone }: { onDone?: () => void }) {
  const queryClient = useQueryClient();
  const notify = useToast();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const change = useMutation({
    mutationFn: () => api.auth.changePassword({ currentPassword, newPassword }),
    onSuccess: async (me) => {
      setCurrent('');
      setNew('');
      setRepeat('');
      notify(passwordChangedMessage(me.revokedTokens));
      queryClient.setQueryData(keys.me, me);
      await queryClient.invalidateQueries({ queryKey: keys.me });
      onDone?.();
    },
  });
  const mismatch = repeat !== '' && repeat !== newPassword;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!mismatch) change.mutate();
  };
  return (
    <form className="stack" onSubmit={submit}>
      <Field label="Current password" name="currentPassword" error={change.error}>
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(e) => setCurrent(e.target.value)}
          />
        )}
      </Field>
      <Field
        label="New password"
        name="newPassword"
        error={change.error}
        hint={`At least ${limits.passwordMin} characters.`}
      >
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNew(e.target.value)}
          />
        )}
      </Field>
      <Field label="New password again" name="repeat" error={null}>
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
          />
        )}
      </Field>
      {mismatch ? (
        <p className="form-error" role="alert">
          The two new passwords differ.
        </p>
      ) : null}
      <FormError error={change.error} fields={['currentPassword', 'newPassword']} />
      <p className="muted small">
        Changing your password signs out your other sessions and revokes your personal API tokens.
      </p>
      <FormActions>
        <button
          type="submit"
          className="button button-primary"
          disabled={change.isPending || !currentPassword || !newPassword || mismatch}
        >
          {change.isPending ? 'Saving…' : 'Change password'}
        </button>
      </FormActions>
    </form>
  );
}

/** Shown instead of the app while the account still has a password someone else chose. */
export function ChangePasswordRequired({ name }: { name: string }) {
  const queryClient = useQueryClient();
  return (
    <div className="splash">
      <section className="card stack auth-card" aria-labelledby="choose-password-heading">
        <h1 id="choose-password-heading">Choose your own password, {name}</h1>
        <p className="muted">
          Someone else set the password you signed in with. Choose one only you know: your 1:1 notes and
          private notes are readable by you alone.
        </p>
        <ChangePasswordForm />
        <button
          type="button"
          className="link-button"
          onClick={() => void api.auth.logout().then(() => queryClient.clear())}
        >
          Sign out
        </button>
      </section>
    </div>
  );
}
