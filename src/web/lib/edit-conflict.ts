/**
 * Editing a versioned record (see `recordVersion` in core/schemas/common.ts) without undoing someone
 * else's change. A form edits against a base: the record as it was when the user started typing.
 * Changes are measured against the base and sent with its version, so if the record moved on
 * meanwhile the API refuses the save (409 edit_conflict) instead of overwriting, and the form offers
 * the stored version or a deliberate save over it. The React side is use-edit-form.ts and
 * components/edit-conflict.tsx.
 */
import { ApiError } from '../api/client';

export interface Versioned {
  version: number;
}

export interface EditConflict {
  /** The version the record has now: sending it saves over the other change on purpose. */
  currentVersion: number;
}

/** The conflict an error reports, or null for any other error (or a conflict answer without its version). */
export function editConflictOf(error: unknown): EditConflict | null {
  if (!(error instanceof ApiError) || error.code !== 'edit_conflict') return null;
  const current = error.details?.['currentVersion'];
  if (typeof current !== 'number' || !Number.isInteger(current) || current < 1) return null;
  return { currentVersion: current };
}

/** What a form edits against, and the values it holds. */
export interface EditState<R, F> {
  base: R;
  form: F;
}

/** Whether two form values are the same data (forms hold plain values: text, numbers, lists, null). */
export function sameValues(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether the form still holds exactly its base's values: nothing typed, or everything typed undone. */
export function isUntouched<R, F>(state: EditState<R, F>, toForm: (record: R) => F): boolean {
  return sameValues(state.form, toForm(state.base));
}

/**
 * What a form shows, given the newest copy of the record and what the user has typed (`pinned`, null
 * before they typed anything). An untouched form follows every newer copy, so it never shows old
 * values; a form with edits keeps the base they were made on, so saving them after someone else's
 * change is refused rather than silently undoing it.
 */
export function currentEdit<R extends Versioned, F>(
  latest: R,
  pinned: EditState<R, F> | null,
  toForm: (record: R) => F,
): EditState<R, F> {
  if (pinned === null) return { base: latest, form: toForm(latest) };
  if (latest.version > pinned.base.version && isUntouched(pinned, toForm))
    return { base: latest, form: toForm(latest) };
  return pinned;
}
