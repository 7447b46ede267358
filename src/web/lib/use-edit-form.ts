/**
 * The state of a form that edits a versioned record: see lib/edit-conflict.ts for the rule. `latest`
 * is the record as the query has it now; the form follows it until the user types, then keeps the
 * base they typed on. Send `base.version` with the changes measured against `base`.
 */
import { useState } from 'react';
import { currentEdit, isUntouched, type EditState, type Versioned } from './edit-conflict';

export interface EditForm<R, F> {
  /** The record the form's values were taken from: diff against it, send its version. */
  base: R;
  form: F;
  /** Whether the form holds anything other than its base's values. */
  isDirty: boolean;
  setForm: (form: F) => void;
  /** Puts a record's values in the form: the saved record, or the stored one after a conflict. */
  reset: (record: R) => void;
  /** Drops what was typed: the form shows the newest record again. */
  discard: () => void;
}

export function useEditForm<R extends Versioned, F>(latest: R, toForm: (record: R) => F): EditForm<R, F> {
  const [pinned, setPinned] = useState<EditState<R, F> | null>(null);
  const current = currentEdit(latest, pinned, toForm);
  return {
    base: current.base,
    form: current.form,
    isDirty: !isUntouched(current, toForm),
    setForm: (form) => setPinned({ base: current.base, form }),
    reset: (record) => setPinned({ base: record, form: toForm(record) }),
    discard: () => setPinned(null),
  };
}
