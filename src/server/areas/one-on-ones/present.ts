/** What of a 1:1 leaves the server, and to whom: the caller is always one of the two participants. */
import { cadenceOf, daysBetweenIso, addDaysIso } from '../../../core/people-side';
import type { OneOnOne } from '../../../core/schemas/people-side';
import type { ActionRow, AgendaRow, MeetingSummaryRow, NoteRow, PairRow } from './repo';

export interface PairStatus {
  lastHeldOn: string | null;
  nextMeeting: { id: string; date: string } | null;
  openActionItems: number;
}

/** When the next 1:1 is due to keep the cadence, and how many days it is past that. */
export function cadenceState(
  pair: Pick<PairRow, 'cadence_days' | 'created_at'>,
  lastHeldOn: string | null,
  today: string,
) {
  const from = lastHeldOn ?? pair.created_at.slice(0, 10);
  const dueBy = addDaysIso(from, Number(pair.cadence_days));
  return { dueBy, daysOverdue: Math.max(0, daysBetweenIso(dueBy, today)) };
}

export function presentPair(row: PairRow, readerId: string, status: PairStatus, today: string): OneOnOne {
  const { dueBy, daysOverdue } = cadenceState(row, status.lastHeldOn, today);
  return {
    id: row.id,
    kind: row.kind === 'mentor' ? 'mentor' : 'manager',
    managerId: row.manager_id,
    reportId: row.report_id,
    myRole: row.manager_id === readerId ? 'manager' : 'report',
    cadence: cadenceOf(Number(row.cadence_days)),
    cadenceDays: Number(row.cadence_days),
    isActive: Number(row.is_active) === 1,
    lastHeldOn: status.lastHeldOn,
    nextMeeting: status.nextMeeting,
    dueBy,
    daysOverdue: Number(row.is_active) === 1 ? daysOverdue : 0,
    openActionItems: status.openActionItems,
    createdAt: row.created_at,
    version: Number(row.version),
  };
}

export const presentMeeting = (row: MeetingSummaryRow) => ({
  id: row.id,
  date: row.date,
  status: row.status === 'held' ? ('held' as const) : ('upcoming' as const),
  heldAt: row.held_at,
  agendaCount: Number(row.agenda_count ?? 0),
  sharedNoteCount: Number(row.shared_note_count ?? 0),
  version: Number(row.version),
});

export const presentAgendaItem = (row: AgendaRow) => ({
  id: row.id,
  meetingId: row.meeting_id,
  authorId: row.author_id,
  source: row.source === 'context' ? ('context' as const) : ('person' as const),
  text: row.text,
  isDiscussed: Number(row.is_discussed) === 1,
  createdAt: row.created_at,
  version: Number(row.version),
});

export const presentActionItem = (row: ActionRow) => ({
  id: row.id,
  meetingId: row.meeting_id,
  ownerId: row.owner_id,
  text: row.text,
  dueDate: row.due_date,
  isDone: row.done_at !== null,
  doneAt: row.done_at,
  createdBy: row.created_by,
  createdAt: row.created_at,
  version: Number(row.version),
});

export const presentNote = (row: NoteRow, visibility: 'shared' | 'private') => ({
  id: row.id,
  meetingId: row.meeting_id,
  authorId: row.author_id,
  visibility,
  body: row.body,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: Number(row.version),
});
