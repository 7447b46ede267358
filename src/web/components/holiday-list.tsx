/** The next public holidays of a region, as the API lists them (date and name). */
import type { Holidays } from '../api/client';
import { fmtDayDate } from '../lib/format';

export function HolidayList({ holidays, label }: { holidays: Holidays; label: string }) {
  if (!holidays.region) return <p className="muted small">No public holidays are counted as days off.</p>;
  if (holidays.upcoming.length === 0)
    return <p className="muted small">No public holidays in {holidays.region.name} in the coming year.</p>;
  return (
    <ul className="plain-list compact" aria-label={label}>
      {holidays.upcoming.map((h) => (
        <li key={h.date}>
          {fmtDayDate(h.date)} <span className="muted small">· {h.name}</span>
        </li>
      ))}
    </ul>
  );
}
