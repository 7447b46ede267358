/** Public holidays: the regions a person or an organization can take them from, and their days off. */
import { z } from 'zod';
import { isoDate } from './common';

/**
 * A country, state or region as the date-holidays library spells it: `DE`, `DE-BE`, `GB-ENG`,
 * `DE-BY-A`. The server also checks that the library knows it (GET /api/holiday-regions lists them).
 */
export const holidayRegionCode = z
  .string()
  .regex(/^[A-Z]{2}(-[A-Za-z0-9]{1,20}){0,2}$/, 'must be a region code such as DE-BE or GB-ENG')
  .describe('Country, state or region of the public holidays, e.g. DE-BE (GET /api/holiday-regions)');

export const holidayRegion = z.object({
  code: holidayRegionCode,
  name: z.string().describe('e.g. "Germany — Berlin"'),
});
export type HolidayRegion = z.infer<typeof holidayRegion>;

export const holiday = z.object({ date: isoDate, name: z.string() });

/** The public holidays that are someone's days off: from which region, and the next few of them. */
export const holidays = z.object({
  region: holidayRegion.nullable().describe('null: no region chosen, so no public holidays are days off'),
  upcoming: z.array(holiday).describe('The next public holidays, from today on, in order'),
});
export type Holidays = z.infer<typeof holidays>;

export const holidayRegionList = z.object({
  regions: z
    .array(holidayRegion)
    .describe(
      "Every region date-holidays knows, by name: a fixed catalogue of the library's (not the organization's data), so it is not paged",
    ),
});
export type HolidayRegionList = z.infer<typeof holidayRegionList>;
