import { describe, expect, it } from 'vitest';
import { againstPlan } from './forecast-reasons';

const facts = {
  unplanned: 0,
  overbooked: [] as string[],
  ratios: [] as { name: string | null; median: number }[],
};

describe('againstPlan', () => {
  it('says nothing when the likely finish is the plan’s end', () => {
    expect(
      againstPlan({ planEnd: '2026-12-24', estimateEnd: '2026-12-24', p50: '2026-12-24' }, facts),
    ).toEqual([]);
  });

  it('names the person whose history of overruns moves the finish, with the ratio', () => {
    const words = againstPlan(
      { planEnd: '2026-12-24', estimateEnd: '2026-12-24', p50: '2027-01-01' },
      { ...facts, ratios: [{ name: 'Ana Silva', median: 1.3 }] },
    );
    expect(words).toEqual(['Ana Silva’s history: tasks take 1.3× their estimate.']);
  });

  it('names who is booked beyond their hours and the work without dates, when the plan does not fit', () => {
    const words = againstPlan(
      { planEnd: '2026-12-24', estimateEnd: '2026-12-31', p50: '2026-12-31' },
      { ...facts, unplanned: 2, overbooked: ['Ana Silva', 'Bo Berg'] },
    );
    expect(words[0]).toMatch(
      /Ana Silva and Bo Berg have more planned than their hours, so it ends Thu 31 Dec\./,
    );
    expect(words[1]).toBe('2 tasks have no dates or person yet: the forecast assumes they start now.');
  });

  it('says the work has no dates yet when nothing is planned', () => {
    expect(againstPlan({ planEnd: null, estimateEnd: '2026-12-24', p50: '2026-12-24' }, facts)[0]).toMatch(
      /no.*planned dates yet/i,
    );
  });
});
