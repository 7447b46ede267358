import { describe, expect, it } from 'vitest';
import { fmtLate, fmtLatePair } from './format';

describe('lateness as the planner says it', () => {
  it('says one figure in days and hours', () => {
    expect(fmtLate(0)).toBe('on time');
    expect(fmtLate(0.4)).toBe('on time');
    expect(fmtLate(6)).toBe('6 h late');
    expect(fmtLate(8)).toBe('1 day late');
    expect(fmtLate(133)).toBe('16 days 5 h late');
  });

  it('says two figures to compare in the same unit', () => {
    expect(fmtLatePair(152, 133)).toEqual(['19 days late', '16.6 days late']);
    expect(fmtLatePair(6, 2)).toEqual(['6 h late', '2 h late']);
    expect(fmtLatePair(12, 0)).toEqual(['1.5 days late', 'on time']);
    expect(fmtLatePair(0, 8)).toEqual(['on time', '1 day late']);
    expect(fmtLatePair(4, 0.2)).toEqual(['4 h late', 'on time']);
  });
});
