/**
 * A 1:1's standing against its cadence, in one phrase for the list and the page. "17 days overdue"
 * beside "Next: today" read as two truths that fight; when a meeting is booked the pair is catching
 * up, and the phrase says when it was due and when it happens.
 */
import type { OneOnOne } from '../../api/people-side';
import { fmtDate, plural } from '../../lib/format';

export interface CadenceStatus {
  tone: 'good' | 'warn' | 'bad' | 'neutral';
  label: string;
  title: string;
}

export function cadenceStatus(
  pair: Pick<OneOnOne, 'isActive' | 'daysOverdue' | 'dueBy' | 'nextMeeting'>,
  today: string,
): CadenceStatus {
  if (!pair.isActive)
    return { tone: 'neutral', label: 'Paused', title: 'No meetings are expected while paused' };
  const next = pair.nextMeeting && pair.nextMeeting.date >= today ? pair.nextMeeting.date : null;
  if (pair.daysOverdue === 0)
    return { tone: 'good', label: 'On cadence', title: `Next due by ${fmtDate(pair.dueBy)}` };
  if (next !== null)
    return {
      tone: 'warn',
      label: next === today ? 'Catching up today' : `Catching up ${fmtDate(next)}`,
      title: `Was due by ${fmtDate(pair.dueBy)} (${plural(pair.daysOverdue, 'day')} ago); the next meeting is booked`,
    };
  return {
    tone: 'bad',
    label: `${plural(pair.daysOverdue, 'day')} overdue`,
    title: `Was due by ${fmtDate(pair.dueBy)} and no meeting is booked`,
  };
}

/** The next meeting as the list shows it: a missed one is said to be missed, today is "today". */
export function nextMeetingText(pair: Pick<OneOnOne, 'nextMeeting'>, today: string): string {
  if (!pair.nextMeeting) return 'none booked';
  const date = pair.nextMeeting.date;
  if (date === today) return 'today';
  return date < today ? `${fmtDate(date)} (missed)` : fmtDate(date);
}
