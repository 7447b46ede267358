import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { currentEdit, editConflictOf, isUntouched, sameValues } from './edit-conflict';

interface Goal {
  id: string;
  title: string;
  version: number;
}
const toForm = (goal: Goal) => ({ title: goal.title });
const goal = (title: string, version: number): Goal => ({ id: 'g1', title, version });

describe('editConflictOf', () => {
  it('reads the version the record has now from a 409 edit_conflict', () => {
    const error = new ApiError(409, 'edit_conflict', 'Someone else changed this goal since you loaded it', {
      currentVersion: 7,
    });
    expect(editConflictOf(error)).toEqual({ currentVersion: 7 });
  });

  it('is null for any other error, and for a conflict without a usable version', () => {
    expect(editConflictOf(new ApiError(409, 'conflict', 'taken', { currentVersion: 7 }))).toBeNull();
    expect(editConflictOf(new ApiError(409, 'edit_conflict', 'x'))).toBeNull();
    expect(editConflictOf(new ApiError(409, 'edit_conflict', 'x', { currentVersion: '7' }))).toBeNull();
    expect(editConflictOf(new ApiError(409, 'edit_conflict', 'x', { currentVersion: 0 }))).toBeNull();
    expect(editConflictOf(new ApiError(409, 'edit_conflict', 'x', { currentVersion: 1.5 }))).toBeNull();
    expect(editConflictOf(new Error('edit_conflict'))).toBeNull();
    expect(editConflictOf(null)).toBeNull();
  });
});

describe('sameValues and isUntouched', () => {
  it('compares form values as data', () => {
    expect(sameValues({ a: 1, b: [1, 2], c: null }, { a: 1, b: [1, 2], c: null })).toBe(true);
    expect(sameValues({ a: 1, b: [1, 2] }, { a: 1, b: [2, 1] })).toBe(false);
    expect(sameValues({ a: '' }, { a: null })).toBe(false);
  });

  it('calls a form untouched while it holds exactly its base record’s values', () => {
    expect(isUntouched({ base: goal('Grow', 1), form: { title: 'Grow' } }, toForm)).toBe(true);
    expect(isUntouched({ base: goal('Grow', 1), form: { title: 'Grow more' } }, toForm)).toBe(false);
  });
});

describe('currentEdit', () => {
  it('shows the newest record while the user has typed nothing', () => {
    expect(currentEdit(goal('Grow', 3), null, toForm)).toEqual({
      base: goal('Grow', 3),
      form: { title: 'Grow' },
    });
  });

  it('keeps the base the user typed on when a newer copy arrives, so saving it is refused, not overwriting', () => {
    const pinned = { base: goal('Grow', 1), form: { title: 'Grow faster' } };
    const shown = currentEdit(goal('Grow steadily', 2), pinned, toForm);
    expect(shown.base.version).toBe(1);
    expect(shown.form).toEqual({ title: 'Grow faster' });
  });

  it('lets an untouched form follow a newer copy, even one pinned after a save', () => {
    const saved = { base: goal('Grow', 2), form: { title: 'Grow' } };
    expect(currentEdit(goal('Grow more', 3), saved, toForm)).toEqual({
      base: goal('Grow more', 3),
      form: { title: 'Grow more' },
    });
  });

  it('does not go back to an older copy (a refetch that answered before the save)', () => {
    const saved = { base: goal('Mine', 4), form: { title: 'Mine' } };
    expect(currentEdit(goal('Theirs', 3), saved, toForm)).toBe(saved);
  });
});
