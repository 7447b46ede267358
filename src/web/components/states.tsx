/** Loading, empty and error states that say what is happening and what to do next. */
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, errorMessage } from '../api/client';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children ? <div className="state-body">{children}</div> : null}
    </div>
  );
}

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  /** What could not be loaded, e.g. "this project". */
  what?: string;
}

export function ErrorState({ error, onRetry, what = 'this page' }: ErrorStateProps) {
  if (error instanceof ApiError && error.status === 404) {
    return (
      <div className="state state-error" role="alert">
        <p className="state-title">Not found</p>
        <p>{errorMessage(error)}. It may have been deleted, or the link is wrong.</p>
        <p>
          <Link to="/">Go to Home</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">Could not load {what}</p>
      <p>{errorMessage(error)}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
