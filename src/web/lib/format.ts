/** Display helpers: percentages, dates, hours and money, the way every screen shows them. */

/** 0.42 → "42%"; no signal → "—". */
export function pct(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return `${Math.round(value * 100)}%`;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const shortDateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dayDateFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const moneyFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** Parse YYYY-MM-DD (or an ISO date-time) as a local calendar date. */
export function parseDate(value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return new Date(value);
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

export function isoDate(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Today's date (local) as YYYY-MM-DD. */
export function todayIso(): string {
  return isoDate(new Date());
}

export function addDays(iso: string, days: number): string {
  const date = parseDate(iso);
  date.setDate(date.getDate() + days);
  return isoDate(date);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parseDate(b).getTime() - parseDate(a).getTime()) / 86_400_000);
}

export function fmtDate(value: string | null | undefined): string {
  if (!value) return '—';
  return dateFormat.format(parseDate(value));
}

/** With the day of the week: "Thu, 24 Dec 2026". */
export function fmtDayDate(value: string): string {
  return dayDateFormat.format(parseDate(value));
}

export function fmtShortDate(value: string | null | undefined): string {
  if (!value) return '—';
  return shortDateFormat.format(parseDate(value));
}

export function fmtDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${dateFormat.format(date)} ${date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`;
}

/** "due in 3 days", "due today", "2 days late". */
export function relativeDue(deadline: string | null, today: string): string {
  if (!deadline) return 'no deadline';
  const days = daysBetween(today, deadline);
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  if (days > 1) return `due in ${days} days`;
  if (days === -1) return '1 day late';
  return `${-days} days late`;
}

export function fmtHours(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${numberFormat.format(value)}h`;
}

export function fmtNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return numberFormat.format(value);
}

export function fmtMoney(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return moneyFormat.format(value);
}

/** A 0–1 confidence as words and a number: "0.7 · fairly sure". */
export function confidenceLabel(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'no check-in yet';
  const word = value >= 0.8 ? 'on track' : value >= 0.5 ? 'some risk' : 'at risk';
  return `${value.toFixed(1)} · ${word}`;
}

export function confidenceTone(value: number | null | undefined): 'good' | 'warn' | 'bad' | 'none' {
  if (value === null || value === undefined) return 'none';
  return value >= 0.8 ? 'good' : value >= 0.5 ? 'warn' : 'bad';
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}

/** "" → null, "12.5" → 12.5; anything unparsable → NaN (so the API names the field). */
export function numberOrNull(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return Number(trimmed.replace(',', '.'));
}

export function emptyToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
