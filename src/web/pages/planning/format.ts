/** How planning screens say dates, ranges and lateness. */
import { parseDate } from '../../lib/format';

const day = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const dayYear = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const thisYear = new Date().getFullYear();

/** "Tue 3 Mar". */
export function fmtDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = parseDate(iso);
  return (date.getFullYear() === thisYear ? day : dayYear).format(date);
}

/** "Tue 3 – Thu 5 Mar", "Tue 3 Mar", or "no dates". */
export function fmtRange(start: string | null, end: string | null): string {
  if (!start && !end) return 'no dates';
  if (!start || !end || start === end) return fmtDay(start ?? end);
  return `${fmtDay(start)} – ${fmtDay(end)}`;
}

/** "on time", "6 h late", "3 days late", "3 days 1 h late" (working days of 8 hours). */
export function fmtLate(hours: number): string {
  const total = Math.round(hours);
  if (total <= 0) return 'on time';
  const days = Math.floor(total / 8);
  const rest = total - 8 * days;
  const dayText = days === 0 ? '' : `${days} ${days === 1 ? 'day' : 'days'}`;
  return `${[dayText, rest > 0 ? `${rest} h` : ''].filter(Boolean).join(' ')} late`;
}

/**
 * Two lateness figures to compare (now → proposed) in one unit, so they read against each other:
 * both in working days when either is a day or more ("19 days late" → "16.6 days late"), else both in
 * hours ("6 h late" → "2 h late"). A figure that rounds to nothing is "on time".
 */
export function fmtLatePair(now: number, proposed: number): [string, string] {
  const inDays = Math.max(now, proposed) >= 8;
  const say = (hours: number): string => {
    if (inDays) {
      const days = Math.round((hours / 8) * 10) / 10;
      if (days <= 0) return 'on time';
      return `${days.toLocaleString('en')} ${days === 1 ? 'day' : 'days'} late`;
    }
    const h = Math.round(hours);
    return h <= 0 ? 'on time' : `${h} h late`;
  };
  return [say(now), say(proposed)];
}

/** 0.62 → "62%"; always a whole percent between 1 and 99 unless certain. */
export function fmtChance(p: number | null | undefined): string {
  if (p === null || p === undefined) return '—';
  if (p >= 0.995) return '≈100%';
  if (p <= 0.005) return '≈0%';
  return `${Math.round(p * 100)}%`;
}

export function chanceTone(p: number | null | undefined): 'good' | 'warn' | 'bad' | 'neutral' {
  if (p === null || p === undefined) return 'neutral';
  return p >= 0.8 ? 'good' : p >= 0.5 ? 'warn' : 'bad';
}
