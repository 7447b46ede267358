/** Calendar helpers over day numbers (days since 1970-01-01, UTC), so date arithmetic is integer maths. */
const DAY_MS = 86_400_000;

export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 1970-01-01 was a Thursday, so (day + 4) mod 7 gives 0 = Sunday … 6 = Saturday. */
export function isWeekend(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

export function nextWorkday(day: number): number {
  let d = day;
  while (isWeekend(d)) d++;
  return d;
}

export function previousWorkday(day: number): number {
  let d = day;
  while (isWeekend(d)) d--;
  return d;
}

/** Working days from `from` to `to`, both included. */
export function workdays(from: number, to: number): number[] {
  const days: number[] = [];
  for (let d = from; d <= to; d++) if (!isWeekend(d)) days.push(d);
  return days;
}
