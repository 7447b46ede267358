/**
 * Public holidays from the date-holidays library (its data ships in the package: no network), by
 * country, state or region code as the library spells it: `DE`, `DE-BE`, `GB-ENG`, `US-CA`,
 * `DE-BY-A`. Days of the types `public` and `bank` are days off (in Germany the library types
 * Christmas Eve and New Year's Eve `bank`, from 14:00: Tandem counts the whole day); `optional` days
 * and observances are not. Names are in English where the library has them. Each region's year is
 * computed once and kept: the data does not change while the process runs.
 */
import Holidays from 'date-holidays';

export interface HolidayRegion {
  code: string;
  /** "Germany — Berlin" */
  name: string;
}

export interface Holiday {
  date: string;
  name: string;
}

export interface HolidayCalendar {
  /** Every country, state and region the library knows, by name. */
  regions(): readonly HolidayRegion[];
  /** Whether the library knows the code (exactly as `regions()` spells it). */
  isRegion(code: string): boolean;
  /** The region's name, or null for a code the library does not know. */
  regionName(code: string): string | null;
  /** The region's days off between two dates (inclusive), in order; none for an unknown code. */
  between(code: string, from: string, to: string): Holiday[];
}

const DAYS_OFF = new Set(['public', 'bank']);
const LANGUAGE = 'en';
const DAY_MS = 86_400_000;

function addDay(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function makeCalendar(): HolidayCalendar {
  let names: Map<string, string> | null = null;
  let list: HolidayRegion[] | null = null;
  const years = new Map<string, Holiday[]>();

  function catalogue(): Map<string, string> {
    if (names) return names;
    const hd = new Holidays();
    names = new Map();
    for (const [country, countryName] of Object.entries(hd.getCountries(LANGUAGE) ?? {})) {
      names.set(country, countryName);
      for (const [state, stateName] of Object.entries(hd.getStates(country, LANGUAGE) ?? {})) {
        names.set(`${country}-${state}`, `${countryName} — ${stateName}`);
        for (const [region, regionName] of Object.entries(hd.getRegions(country, state, LANGUAGE) ?? {}))
          names.set(`${country}-${state}-${region}`, `${countryName} — ${stateName} — ${regionName}`);
      }
    }
    return names;
  }

  function yearOf(code: string, year: number): Holiday[] {
    const key = `${code}:${year}`;
    const kept = years.get(key);
    if (kept) return kept;
    const [country = '', state, region] = code.split('-');
    const hd =
      state === undefined
        ? new Holidays(country, { languages: [LANGUAGE] })
        : region === undefined
          ? new Holidays(country, state, { languages: [LANGUAGE] })
          : new Holidays(country, state, region, { languages: [LANGUAGE] });
    const byDate = new Map<string, Holiday>();
    for (const h of hd.getHolidays(year, LANGUAGE) || []) {
      if (!DAYS_OFF.has(h.type)) continue;
      // `date` is the local start ("2026-12-24 14:00:00", Islamic feasts "… -0600": the evening
      // before); a feast of several days (Eid, Seollal) is one entry whose end is days later
      const first = h.date.slice(0, 10);
      const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
      for (let d = 0; d < days; d++) {
        const date = addDay(first, d);
        if (!byDate.has(date)) byDate.set(date, { date, name: h.name });
      }
    }
    const list = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
    years.set(key, list);
    return list;
  }

  return {
    regions() {
      list ??= [...catalogue()]
        .map(([code, name]) => ({ code, name }))
        .sort((a, b) => a.name.localeCompare(b.name, LANGUAGE));
      return list;
    },
    isRegion: (code) => catalogue().has(code),
    regionName: (code) => catalogue().get(code) ?? null,
    between(code, from, to) {
      if (!catalogue().has(code) || from > to) return [];
      const out: Holiday[] = [];
      // a feast that starts on the last days of December runs into the next year
      for (let year = Number(from.slice(0, 4)) - 1; year <= Number(to.slice(0, 4)); year++)
        for (const h of yearOf(code, year)) if (h.date >= from && h.date <= to) out.push(h);
      return [...new Map(out.map((h) => [h.date, h])).values()].sort((a, b) => a.date.localeCompare(b.date));
    },
  };
}

/** One calendar per process. */
export const holidayCalendar: HolidayCalendar = makeCalendar();
