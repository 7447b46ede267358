/**
 * Calendar arithmetic on YYYY-MM-DD dates for planning: working days are Monday to Friday (time off
 * is per person and handled by the callers). Dates are handled as UTC day numbers, so no time zone or
 * daylight-saving change can shift a day.
 */

const DAY_MS = 86_400_000;
/** 1970-01-05, the first Monday after the epoch, as a day number. */
const FIRST_MONDAY = 4;

/** Days since 1970-01-01. */
export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

/** 0000-01-01 and 9999-12-31: the first and last day a YYYY-MM-DD date can name. */
const FIRST_DAY = -719_528;
const LAST_DAY = 2_932_896;

/**
 * The date of a day number. Days past the four-digit years (work of extreme hours at a tiny capacity,
 * chained) are clamped: toISOString would throw on them or write "+010000-…", and no plan is read
 * for its date in year 10,000.
 */
export function dateOf(day: number): string {
  const clamped = Math.min(LAST_DAY, Math.max(FIRST_DAY, day));
  return new Date(clamped * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return dateOf(dayNumber(iso) + days);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOfDay(day: number): number {
  return (((day - FIRST_MONDAY) % 7) + 7) % 7;
}

export function isWorkdayNumber(day: number): boolean {
  return weekdayOfDay(day) < 5;
}

export function isWorkday(iso: string): boolean {
  return isWorkdayNumber(dayNumber(iso));
}

/** Working days in [FIRST_MONDAY, day): a monotone count that turns working-day sums into differences. */
function workdayCount(day: number): number {
  const x = day - FIRST_MONDAY;
  const weeks = Math.floor(x / 7);
  return weeks * 5 + Math.min(x - weeks * 7, 5);
}

/** The day number of the n-th working day of that count (inverse of workdayCount on working days). */
function nthWorkday(n: number): number {
  const weeks = Math.floor(n / 5);
  return FIRST_MONDAY + weeks * 7 + (n - weeks * 5);
}

/** The first working day on or after the date. */
export function nextWorkday(iso: string): string {
  return dateOf(nthWorkday(workdayCount(dayNumber(iso))));
}

/** The last working day on or before the date. */
export function previousWorkday(iso: string): string {
  return dateOf(nthWorkday(workdayCount(dayNumber(iso) + 1) - 1));
}

/** Working days in [from, to) — negative when `to` is before `from`. */
export function workdaysBetween(from: string, to: string): number {
  return workdayCount(dayNumber(to)) - workdayCount(dayNumber(from));
}

/** The working day `n` working days after `origin` (a working day); n may be negative. */
export function addWorkdays(origin: string, n: number): string {
  return dateOf(nthWorkday(workdayCount(dayNumber(origin)) + n));
}

/** Monday of the date's week. */
export function weekStart(iso: string): string {
  const day = dayNumber(iso);
  return dateOf(day - weekdayOfDay(day));
}

/** Every date of [start, end] (inclusive), in order. */
export function datesBetween(start: string, end: string): string[] {
  const out: string[] = [];
  for (let d = dayNumber(start), last = dayNumber(end); d <= last; d++) out.push(dateOf(d));
  return out;
}

const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Tue 3 Mar" (with the year when it is not `today`'s year): how explanations name a day. */
export function sayDate(iso: string, today?: string): string {
  const day = dayNumber(iso);
  const date = new Date(day * DAY_MS);
  const text = `${weekdays[weekdayOfDay(day)]} ${date.getUTCDate()} ${months[date.getUTCMonth()]}`;
  return today !== undefined && today.slice(0, 4) !== iso.slice(0, 4)
    ? `${text} ${date.getUTCFullYear()}`
    : text;
}
