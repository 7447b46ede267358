/**
 * What the organization and the profile pages say about public holidays, and the one check of a
 * region someone chooses. The days off themselves reach the planner and every view of capacity through
 * planning/load-snapshot.ts (`loadPeople`), from the same calendar.
 */
import { invalid } from '../../../core/errors';
import type { Holidays } from '../../../core/schemas/holidays';
import { addDays } from '../../../core/workdays';
import { holidayCalendar } from '../../providers/holidays';

/** How many of the next holidays a page shows. */
const UPCOMING = 5;

/** The region's name and its next holidays from today (within a year); no region: none. */
export function holidaysOf(region: string | null, today: string): Holidays {
  const name = region === null ? null : holidayCalendar.regionName(region);
  if (region === null || name === null) return { region: null, upcoming: [] };
  return {
    region: { code: region, name },
    upcoming: holidayCalendar.between(region, today, addDays(today, 366)).slice(0, UPCOMING),
  };
}

/** Refuses a region the holiday library does not know, naming the field (`body.holidayRegion`). */
export function checkHolidayRegion(field: string, region: string | null | undefined): void {
  if (region !== null && region !== undefined && !holidayCalendar.isRegion(region))
    throw invalid(field, `no such holiday region: ${region} (GET /api/holiday-regions lists them)`);
}
