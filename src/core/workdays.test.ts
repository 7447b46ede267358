import { describe, expect, it } from 'vitest';
import {
  addWorkdays,
  dateOf,
  isWorkday,
  nextWorkday,
  previousWorkday,
  sayDate,
  weekStart,
  workdaysBetween,
} from './workdays';

describe('working days', () => {
  it('knows Monday to Friday from the weekend', () => {
    expect(isWorkday('2026-03-02')).toBe(true); // Monday
    expect(isWorkday('2026-03-06')).toBe(true); // Friday
    expect(isWorkday('2026-03-07')).toBe(false);
    expect(isWorkday('2026-03-08')).toBe(false);
  });

  it('moves to the next or previous working day across a weekend', () => {
    expect(nextWorkday('2026-03-07')).toBe('2026-03-09');
    expect(nextWorkday('2026-03-04')).toBe('2026-03-04');
    expect(previousWorkday('2026-03-08')).toBe('2026-03-06');
    expect(previousWorkday('2026-03-04')).toBe('2026-03-04');
  });

  it('counts and adds working days, also backwards', () => {
    expect(workdaysBetween('2026-03-02', '2026-03-09')).toBe(5);
    expect(workdaysBetween('2026-03-06', '2026-03-09')).toBe(1);
    expect(workdaysBetween('2026-03-09', '2026-03-02')).toBe(-5);
    expect(addWorkdays('2026-03-05', 2)).toBe('2026-03-09');
    expect(addWorkdays('2026-03-09', -1)).toBe('2026-03-06');
    expect(addWorkdays('2026-03-02', 0)).toBe('2026-03-02');
  });

  it('finds the Monday of a week and says a date plainly', () => {
    expect(weekStart('2026-03-08')).toBe('2026-03-02');
    expect(weekStart('2026-03-02')).toBe('2026-03-02');
    expect(sayDate('2026-03-03', '2026-03-02')).toBe('Tue 3 Mar');
    expect(sayDate('2027-01-04', '2026-12-30')).toBe('Mon 4 Jan 2027');
  });
});

describe('dates past the four-digit years', () => {
  it('clamps a day number beyond year 9999 (or before year 0) instead of throwing or writing "+010000"', () => {
    expect(addWorkdays('2026-03-02', 5_000_000)).toBe('9999-12-31');
    expect(addWorkdays('2026-03-02', -5_000_000)).toBe('0000-01-01');
    expect(dateOf(Infinity)).toBe('9999-12-31');
  });
});
