/**
 * What an edit form shows when someone else saved the record first (409 edit_conflict): in place of
 * the generic error, a notice with the two ways on. Nothing the user typed is lost by showing it:
 * "Show their version" is their choice to discard it, "Save mine over theirs" their choice to keep it.
 */
import { useState } from 'react';
import { editConflictOf } from '../lib/edit-conflict';
import { FormError } from './form';
import { useToast } from './toast';

export interface ConflictActions {
  /** The record's noun as a sentence uses it: "goal", "task", "growth plan". */
  thing: string;
  /** Loads the stored record and puts its values in the form (the user's edits are dropped). */
  onShowTheirs: () => Promise<void>;
  /** Saves the user's values again, over the version the record has now. */
  onSaveMine: (currentVersion: number) => void;
  /** A save is under way. */
  isSaving?: boolean;
}

export function EditConflictNotice({
  thing,
  currentVersion,
  onShowTheirs,
  onSaveMine,
  isSaving = false,
}: ConflictActions & { currentVersion: number }) {
  const notify = useToast();
  const [isLoading, setIsLoading] = useState(false);
  const showTheirs = async () => {
    setIsLoading(true);
    try {
      await onShowTheirs();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'Could not load their version.', 'bad');
    } finally {
      setIsLoading(false);
    }
  };
  const isBusy = isSaving || isLoading;
  return (
    <div className="edit-conflict" role="alert" data-testid="edit-conflict">
      <p className="edit-conflict-text">
        <strong>Someone else changed this {thing} while you were editing.</strong> Your changes are not saved
        yet.
      </p>
      <div className="edit-conflict-actions">
        <button
          type="button"
          className="button button-small"
          disabled={isBusy}
          onClick={() => void showTheirs()}
        >
          {isLoading ? 'Loading…' : 'Show their version'}
        </button>
        <button
          type="button"
          className="button button-small button-primary"
          disabled={isBusy}
          onClick={() => onSaveMine(currentVersion)}
        >
          {isSaving ? 'Saving…' : 'Save mine over theirs'}
        </button>
      </div>
      <p className="muted small">
        Their version replaces what you typed here. Saving yours keeps your changes and replaces theirs in the
        fields you changed.
      </p>
    </div>
  );
}

/** A form's save error: the conflict notice for an edit_conflict, the usual FormError for anything else. */
export function SaveError({
  error,
  fields,
  ...actions
}: ConflictActions & { error: unknown; fields?: readonly string[] }) {
  const conflict = editConflictOf(error);
  if (conflict) return <EditConflictNotice {...actions} currentVersion={conflict.currentVersion} />;
  return <FormError error={error} fields={fields} />;
}
