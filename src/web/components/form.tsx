/** Form pieces that show the API's validation errors next to the field they name. */
import { useId, type ReactNode } from 'react';
import { ApiError, errorMessage } from '../api/client';

/** `body.skills.0.level` → `skills.0.level`; the first segment names the form field. */
function fieldKey(field: string): string {
  return field.replace(/^(body|querystring|query|params)\./, '');
}

/** The reason the API gave for one field (or any of its nested parts), if it named it. */
export function fieldError(error: unknown, name: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  for (const issue of error.issues) {
    const key = fieldKey(issue.field);
    if (key === name || key.startsWith(`${name}.`)) return issue.reason;
  }
  return undefined;
}

export function FieldError({ message, id }: { message: string | undefined; id?: string }) {
  if (!message) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {message}
    </p>
  );
}

interface FieldProps {
  label: string;
  /** The API's field name, to show its reason from `error`. */
  name?: string;
  error?: unknown;
  hint?: ReactNode;
  className?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled field; the render prop receives the id and aria wiring for the control. */
export function Field({ label, name, error, hint, className, children }: FieldProps) {
  const id = useId();
  const message = name ? fieldError(error, name) : undefined;
  const describedBy = [message ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <div className={`field${message ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': Boolean(message),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError message={message} id={`${id}-error`} />
    </div>
  );
}

/**
 * The error of a whole form. When the API named fields that the form shows, those fields carry the
 * reasons and this line only points at them; otherwise it shows the API's message.
 */
export function FormError({ error, fields = [] }: { error: unknown; fields?: readonly string[] }) {
  if (!error) return null;
  if (error instanceof ApiError && error.issues.length > 0) {
    const shown = error.issues.filter((issue) =>
      fields.some((f) => {
        const key = fieldKey(issue.field);
        return key === f || key.startsWith(`${f}.`);
      }),
    );
    if (shown.length === error.issues.length) {
      return (
        <p className="form-error" role="alert">
          {shown.length === 1 ? 'Fix the highlighted field.' : 'Fix the highlighted fields.'}
        </p>
      );
    }
  }
  return (
    <p className="form-error" role="alert">
      {errorMessage(error)}
    </p>
  );
}

export function FormActions({ children }: { children: ReactNode }) {
  return <div className="form-actions">{children}</div>;
}
