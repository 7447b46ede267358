import type { HolidayRegionList } from '../../../core/schemas/holidays';
import { holidayCalendar } from '../../providers/holidays';

/** Every region the holiday library knows, by name. Anyone signed in may read it: it is no one's data. */
export function listHolidayRegions(): HolidayRegionList {
  return { regions: [...holidayCalendar.regions()] };
}
