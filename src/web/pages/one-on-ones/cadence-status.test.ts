import { describe, expect, it } from 'vitest';
import { cadenceStatus, nextMeetingText } from './cadence-status';

const today = '2026-12-07';
const pair = (fields: Partial<Parameters<typeof cadenceStatus>[0]>) => ({
  isActive: true,
  daysOverdue: 0,
  dueBy: '2026-12-14',
  nextMeeting: null,
  ...fields,
});

describe('cadenceStatus', () => {
  it('calls a pair that missed its cadence but has a meeting booked today "catching up today", not overdue', () => {
    const status = cadenceStatus(
      pair({ daysOverdue: 17, dueBy: '2026-11-20', nextMeeting: { id: 'm', date: today } }),
      today,
    );
    expect(status).toMatchObject({ tone: 'warn', label: 'Catching up today' });
    expect(status.title).toMatch(/17 days ago/);
  });

  it('calls it overdue only when nothing is booked (or the booked meeting was missed)', () => {
    expect(cadenceStatus(pair({ daysOverdue: 17 }), today)).toMatchObject({
      tone: 'bad',
      label: '17 days overdue',
    });
    expect(
      cadenceStatus(pair({ daysOverdue: 3, nextMeeting: { id: 'm', date: '2026-12-01' } }), today),
    ).toMatchObject({ tone: 'bad', label: '3 days overdue' });
  });

  it('says on cadence and paused plainly', () => {
    expect(cadenceStatus(pair({}), today)).toMatchObject({ tone: 'good', label: 'On cadence' });
    expect(cadenceStatus(pair({ isActive: false, daysOverdue: 9 }), today)).toMatchObject({
      label: 'Paused',
    });
  });
});

describe('nextMeetingText', () => {
  it('says today, marks a missed meeting, and says when none is booked', () => {
    expect(nextMeetingText({ nextMeeting: { id: 'm', date: today } }, today)).toBe('today');
    expect(nextMeetingText({ nextMeeting: { id: 'm', date: '2026-12-01' } }, today)).toMatch(/\(missed\)$/);
    expect(nextMeetingText({ nextMeeting: null }, today)).toBe('none booked');
  });
});
