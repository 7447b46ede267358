import { describe, expect, it } from 'vitest';
import { holidayCalendar } from './holidays';

const datesOf = (code: string, from: string, to: string) =>
  holidayCalendar.between(code, from, to).map((h) => h.date);

describe('holidayCalendar (date-holidays)', () => {
  it('gives Berlin Christmas Eve, both Christmas days and New Year’s Eve off in December 2026', () => {
    expect(holidayCalendar.between('DE-BE', '2026-12-01', '2026-12-31')).toEqual([
      { date: '2026-12-24', name: 'Christmas Eve' },
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-26', name: 'Boxing Day' },
      { date: '2026-12-31', name: "New Year's Eve" },
    ]);
    // Berlin's own holiday, and Good Friday and Easter Monday; not Easter Sunday (an observance)
    expect(datesOf('DE-BE', '2026-03-01', '2026-04-30')).toEqual(['2026-03-08', '2026-04-03', '2026-04-06']);
    // the rest of Germany does not have Women's Day off
    expect(datesOf('DE-BY', '2026-03-01', '2026-03-31')).toEqual([]);
  });

  it('gives England Christmas, Boxing Day and its substitute Monday in 2026, not Christmas Eve', () => {
    expect(datesOf('GB-ENG', '2026-12-01', '2027-01-01')).toEqual([
      '2026-12-25',
      '2026-12-26',
      '2026-12-28',
      '2027-01-01',
    ]);
    expect(holidayCalendar.between('GB-ENG', '2026-12-28', '2026-12-28')[0]?.name).toMatch(/substitute/i);
  });

  it('gives the United States Thanksgiving and the Friday before a Saturday Fourth of July; not optional days', () => {
    expect(datesOf('US', '2026-07-01', '2026-07-31')).toEqual(['2026-07-03', '2026-07-04']);
    expect(datesOf('US', '2026-11-20', '2026-12-31')).toEqual(['2026-11-26', '2026-12-25']);
  });

  it('spreads a feast of several days over each of its days, as the library spans it', () => {
    expect(datesOf('KR', '2026-02-01', '2026-02-28')).toEqual(['2026-02-17', '2026-02-18', '2026-02-19']);
  });

  it('reads across the turn of a year, in order', () => {
    expect(datesOf('DE-BE', '2026-12-30', '2027-01-02')).toEqual(['2026-12-31', '2027-01-01']);
  });

  it('knows countries, states and regions by name, and refuses codes it does not know', () => {
    expect(holidayCalendar.regionName('DE-BE')).toBe('Germany — Berlin');
    expect(holidayCalendar.regionName('GB-ENG')).toBe('United Kingdom — England');
    expect(holidayCalendar.isRegion('US')).toBe(true);
    expect(holidayCalendar.isRegion('DE-BY-A')).toBe(true);
    for (const code of ['XX', 'DE-XX', 'de-be', 'DE-', '', 'constructor', '__proto__', 'DE-BE-XX'])
      expect(holidayCalendar.isRegion(code), code).toBe(false);
    expect(holidayCalendar.regionName('XX')).toBeNull();
    expect(holidayCalendar.between('XX', '2026-01-01', '2026-12-31')).toEqual([]);
  });

  it('lists every region once, sorted by name', () => {
    const regions = holidayCalendar.regions();
    expect(regions.length).toBeGreaterThan(500);
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
    const names = regions.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    expect(regions).toContainEqual({ code: 'DE-BE', name: 'Germany — Berlin' });
    for (const r of regions) expect(holidayCalendar.isRegion(r.code)).toBe(true);
  });
});
