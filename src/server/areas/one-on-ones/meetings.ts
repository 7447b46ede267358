/** Meetings of a 1:1: set up the next one, read one, reschedule it or mark it held. */
import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { AppError, invalid } from '../../../core/errors';
import { addDaysIso } from '../../../core/people-side';
import type { MeetingDetail, updateMeetingBody } from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { isoNow, today } from '../../providers/clock';
import { checkVersion, checkWritten } from '../versions';
import { meetingOf, participantOf } from './access';
import { openMeeting } from './open-meeting';
import { presentAgendaItem, presentMeeting, presentNote } from './present';
import * as repo from './repo';

export async function getMeeting(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  pairId: string,
  meetingId: string,
): Promise<MeetingDetail> {
  const who = await participantOf(deps.db, actor, pairId);
  await meetingOf(deps.db, who, meetingId);
  const [meetings, agenda, shared, mine] = await Promise.all([
    repo.listMeetingsForReader(deps.db, who.orgId, who.personId, pairId),
    repo.listAgendaForReader(deps.db, who.orgId, who.personId, pairId, meetingId),
    repo.listSharedNotesForReader(deps.db, who.orgId, who.personId, pairId, meetingId),
    // only the caller's own personal notes: the query itself is keyed by the author
    repo.listPrivateNotesOfAuthor(deps.db, who.orgId, who.personId, pairId, meetingId),
  ]);
  const meeting = meetings.find((m) => m.id === meetingId)!;
  return {
    meeting: presentMeeting(meeting),
    agenda: agenda.map(presentAgendaItem),
    sharedNotes: shared.map((n) => presentNote(n, 'shared')),
    privateNotes: mine.map((n) => presentNote(n, 'private')),
  };
}

/** The next 1:1, when none is coming up (e.g. after pausing). */
export async function createMeeting(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  pairId: string,
  input: { date: string },
): Promise<MeetingDetail> {
  const who = await participantOf(deps.db, actor, pairId);
  if (await repo.findUpcomingMeeting(deps.db, who.orgId, pairId))
    throw new AppError('conflict', 'This 1:1 already has an upcoming meeting: reschedule that one');
  const id = await deps.db
    .transaction()
    .execute((trx) => openMeeting(trx, who.pair, input.date, today(deps.clock), isoNow(deps.clock)));
  return getMeeting(deps, actor, pairId, id);
}

/**
 * Reschedule, or mark held. Held: the meeting takes today's date if it was set for later, agenda items
 * nobody discussed move to the next meeting (set up one cadence later), and open action items carry
 * over by themselves (they belong to the pair until done).
 */
export async function updateMeeting(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  pairId: string,
  meetingId: string,
  input: z.output<typeof updateMeetingBody>,
): Promise<MeetingDetail> {
  const who = await participantOf(deps.db, actor, pairId);
  const meeting = await meetingOf(deps.db, who, meetingId);
  const day = today(deps.clock);
  const now = isoNow(deps.clock);
  const isMarkingHeld = input.status === 'held' && meeting.status !== 'held';
  if (!isMarkingHeld && input.date === undefined) {
    checkVersion('meeting', meeting.version, input.version);
    return getMeeting(deps, actor, pairId, meetingId);
  }
  if (input.date !== undefined && meeting.status === 'held' && input.date > day)
    throw invalid('body.date', 'a held 1:1 cannot move into the future');
  await deps.db.transaction().execute(async (trx) => {
    const date = input.date ?? meeting.date;
    const heldOn = date > day ? day : date;
    const patch = isMarkingHeld ? { date: heldOn, status: 'held', held_at: now } : { date };
    const isWritten = await repo.updateMeetingRow(trx, who.orgId, meetingId, patch, input.version);
    await checkWritten(
      isWritten,
      'meeting',
      async () => (await repo.findMeetingForReader(trx, who.orgId, who.personId, pairId, meetingId))?.version,
    );
    if (isMarkingHeld) {
      const nextDate = addDaysIso(heldOn, Number(who.pair.cadence_days));
      const upcoming = await repo.findUpcomingMeeting(trx, who.orgId, pairId);
      const nextId =
        upcoming?.id ?? (await openMeeting(trx, who.pair, nextDate < day ? day : nextDate, day, now));
      await repo.carryOverAgenda(trx, who.orgId, meetingId, nextId);
    }
  });
  return getMeeting(deps, actor, pairId, meetingId);
}
