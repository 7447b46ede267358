/**
 * All SQL of 1:1s. Privacy by construction:
 * - every read of a pair or anything inside it takes the reader's person id and only matches pairs the
 *   reader takes part in (`participantOf`), so no query here can hand a third person a 1:1;
 * - personal notes are only ever selected, changed or deleted together with their author's id: there
 *   is no function that lists personal notes without it, and none that counts them;
 * - nothing outside this file selects from the 1:1 tables, except the demo writer, which only inserts.
 */
import type { Insertable, Selectable } from 'kysely';
import type {
  OneOnOneActionItemsTable,
  OneOnOneAgendaItemsTable,
  OneOnOneMeetingsTable,
  OneOnOneNotesTable,
  OneOnOnesTable,
} from '../../../db/schema-people-side';
import type { DB } from '../../deps';
import { nextVersion } from '../versions';

export type PairRow = Selectable<OneOnOnesTable>;
export type MeetingRow = Selectable<OneOnOneMeetingsTable>;
export type AgendaRow = Selectable<OneOnOneAgendaItemsTable>;
export type ActionRow = Selectable<OneOnOneActionItemsTable>;
export type NoteRow = Selectable<OneOnOneNotesTable>;

/** Pairs the reader takes part in, as the manager (or mentor) or as the report (or mentee). */
function participantOf(db: DB, orgId: string, readerId: string) {
  return db
    .selectFrom('one_on_ones')
    .where('one_on_ones.org_id', '=', orgId)
    .where((eb) =>
      eb.or([eb('one_on_ones.manager_id', '=', readerId), eb('one_on_ones.report_id', '=', readerId)]),
    );
}

const pairIdsOf = (db: DB, orgId: string, readerId: string, pairId: string) =>
  participantOf(db, orgId, readerId).select('one_on_ones.id').where('one_on_ones.id', '=', pairId);

// ------------------------------------------------------------------------------------------ pairs

export async function findPairForReader(db: DB, orgId: string, readerId: string, pairId: string) {
  return participantOf(db, orgId, readerId)
    .selectAll('one_on_ones')
    .where('one_on_ones.id', '=', pairId)
    .executeTakeFirst();
}

export async function listPairsForReader(
  db: DB,
  orgId: string,
  readerId: string,
  options: { includeInactive: boolean; limit: number; offset: number },
) {
  let query = participantOf(db, orgId, readerId);
  if (!options.includeInactive) query = query.where('one_on_ones.is_active', '=', 1);
  const [rows, count] = await Promise.all([
    query
      .innerJoin('people', (join) =>
        join.on((eb) =>
          eb(
            'people.id',
            '=',
            eb
              .case()
              .when('one_on_ones.manager_id', '=', readerId)
              .then(eb.ref('one_on_ones.report_id'))
              .else(eb.ref('one_on_ones.manager_id'))
              .end(),
          ),
        ),
      )
      .selectAll('one_on_ones')
      .orderBy('one_on_ones.is_active', 'desc')
      .orderBy('people.name')
      .orderBy('one_on_ones.id')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findPairBetween(db: DB, orgId: string, managerId: string, reportId: string) {
  return db
    .selectFrom('one_on_ones')
    .select(['id', 'is_active'])
    .where('org_id', '=', orgId)
    .where('manager_id', '=', managerId)
    .where('report_id', '=', reportId)
    .executeTakeFirst();
}

export async function insertPair(db: DB, row: Insertable<OneOnOnesTable>) {
  await db.insertInto('one_on_ones').values(row).execute();
}

/**
 * Every update below writes its fields and moves the row to its next version; with `expectedVersion`
 * only while the row is still at that version. Each says whether a row was written.
 */
export async function updatePair(
  db: DB,
  orgId: string,
  readerId: string,
  pairId: string,
  patch: { cadence_days?: number; is_active?: number; updated_at: string },
  expectedVersion?: number,
): Promise<boolean> {
  let query = db
    .updateTable('one_on_ones')
    .set({ ...patch, version: nextVersion() })
    .where('org_id', '=', orgId)
    .where('id', 'in', pairIdsOf(db, orgId, readerId, pairId));
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Per pair: the last held date, the upcoming meeting and the open action items (one query each for a page). */
export async function pairStatus(db: DB, orgId: string, pairIds: readonly string[]) {
  if (pairIds.length === 0) return { held: [], upcoming: [], open: [] };
  const [held, upcoming, open] = await Promise.all([
    db
      .selectFrom('one_on_one_meetings')
      .select((eb) => ['pair_id', eb.fn.max('date').as('last')])
      .where('org_id', '=', orgId)
      .where('pair_id', 'in', pairIds)
      .where('status', '=', 'held')
      .groupBy('pair_id')
      .execute(),
    db
      .selectFrom('one_on_one_meetings')
      .select(['pair_id', 'id', 'date'])
      .where('org_id', '=', orgId)
      .where('pair_id', 'in', pairIds)
      .where('status', '=', 'upcoming')
      .orderBy('date')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('one_on_one_action_items')
      .select((eb) => ['pair_id', eb.fn.countAll().as('n')])
      .where('org_id', '=', orgId)
      .where('pair_id', 'in', pairIds)
      .where('done_at', 'is', null)
      .groupBy('pair_id')
      .execute(),
  ]);
  return { held, upcoming, open };
}

// ------------------------------------------------------------------------------------------ meetings

export async function listMeetingsForReader(db: DB, orgId: string, readerId: string, pairId: string) {
  return db
    .selectFrom('one_on_one_meetings')
    .select((eb) => [
      'one_on_one_meetings.id',
      'one_on_one_meetings.pair_id',
      'one_on_one_meetings.date',
      'one_on_one_meetings.status',
      'one_on_one_meetings.held_at',
      'one_on_one_meetings.created_at',
      'one_on_one_meetings.version',
      eb
        .selectFrom('one_on_one_agenda_items')
        .select(eb.fn.countAll().as('n'))
        .whereRef('one_on_one_agenda_items.meeting_id', '=', 'one_on_one_meetings.id')
        .as('agenda_count'),
      eb
        .selectFrom('one_on_one_shared_notes')
        .select(eb.fn.countAll().as('n'))
        .whereRef('one_on_one_shared_notes.meeting_id', '=', 'one_on_one_meetings.id')
        .as('shared_note_count'),
    ])
    .where('one_on_one_meetings.org_id', '=', orgId)
    .where('one_on_one_meetings.pair_id', 'in', pairIdsOf(db, orgId, readerId, pairId))
    .orderBy('one_on_one_meetings.date', 'desc')
    .orderBy('one_on_one_meetings.created_at', 'desc')
    .orderBy('one_on_one_meetings.id')
    .execute();
}
export type MeetingSummaryRow = Awaited<ReturnType<typeof listMeetingsForReader>>[number];

export async function findMeetingForReader(
  db: DB,
  orgId: string,
  readerId: string,
  pairId: string,
  meetingId: string,
) {
  return db
    .selectFrom('one_on_one_meetings')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', meetingId)
    .where('pair_id', 'in', pairIdsOf(db, orgId, readerId, pairId))
    .executeTakeFirst();
}

export async function findUpcomingMeeting(db: DB, orgId: string, pairId: string) {
  return db
    .selectFrom('one_on_one_meetings')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('pair_id', '=', pairId)
    .where('status', '=', 'upcoming')
    .orderBy('date')
    .executeTakeFirst();
}

export async function insertMeeting(db: DB, row: MeetingRow) {
  await db.insertInto('one_on_one_meetings').values(row).execute();
}

export async function updateMeetingRow(
  db: DB,
  orgId: string,
  meetingId: string,
  patch: { date?: string; status?: string; held_at?: string | null },
  expectedVersion?: number,
): Promise<boolean> {
  let query = db
    .updateTable('one_on_one_meetings')
    .set({ ...patch, version: nextVersion() })
    .where('org_id', '=', orgId)
    .where('id', '=', meetingId);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// ------------------------------------------------------------------------------------------ agenda

export async function listAgendaForReader(
  db: DB,
  orgId: string,
  readerId: string,
  pairId: string,
  meetingId: string,
) {
  return db
    .selectFrom('one_on_one_agenda_items')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('meeting_id', '=', meetingId)
    .where('pair_id', 'in', pairIdsOf(db, orgId, readerId, pairId))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findAgendaItemForReader(
  db: DB,
  orgId: string,
  readerId: string,
  pairId: string,
  itemId: string,
) {
  return db
    .selectFrom('one_on_one_agenda_items')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', itemId)
    .where('pair_id', 'in', pairIdsOf(db, orgId, readerId, pairId))
    .executeTakeFirst();
}

export async function insertAgendaItems(db: DB, rows: readonly AgendaRow[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('one_on_one_agenda_items')
    .values([...rows])
    .execute();
}

export async function updateAgendaItemRow(
  db: DB,
  orgId: string,
  itemId: string,
  patch: { text?: string; is_discussed?: number },
  expectedVersion?: number,
): Promise<boolean> {
  let query = db
    .updateTable('one_on_one_agenda_items')
    .set({ ...patch, version: nextVersion() })
    .where('org_id', '=', orgId)
    .where('id', '=', itemId);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteAgendaItemRow(db: DB, orgId: string, itemId: string) {
  await db
    .deleteFrom('one_on_one_agenda_items')
    .where('org_id', '=', orgId)
    .where('id', '=', itemId)
    .execute();
}

/** Agenda items nobody has discussed yet move to the next meeting; pre-filled context is not carried (the next one gets fresh context). */
export async function carryOverAgenda(db: DB, orgId: string, fromMeetingId: string, toMeetingId: string) {
  await db
    .updateTable('one_on_one_agenda_items')
    .set({ meeting_id: toMeetingId, version: nextVersion() })
    .where('org_id', '=', orgId)
    .where('meeting_id', '=', fromMeetingId)
    .where('is_discussed', '=', 0)
    .where('source', '=', 'person')
    .execute();
}

// ------------------------------------------------------------------------------------------ action items

export async function listActionItemsForReader(
  db: DB,
  orgId: string,
  readerId: string,
  pairId: string,
  doneSince: string,
) {
  return db
    .selectFrom('one_on_one_action_items')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('pair_id', 'in', pairIdsOf(db, orgId, readerId, pairId))
    .where((eb) => eb.or([eb('done_at', 'is', null), eb('done_at', '>=', doneSince)]))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findActionItemForReader(
  db: DB,
  orgId: string,
  readerId: string,
  pairId: string,
  itemId: string,
) {
  return db
    .selectFrom('one_on_one_action_items')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', itemId)
    .where('pair_id', 'in', pairIdsOf(db, orgId, readerId, pairId))
    .executeTakeFirst();
}

export async function insertActionItem(db: DB, row: ActionRow) {
  await db.insertInto('one_on_one_action_items').values(row).execute();
}

export async function updateActionItemRow(
  db: DB,
  orgId: string,
  itemId: string,
  patch: { text?: string; owner_id?: string; due_date?: string | null; done_at?: string | null },
  expectedVersion?: number,
): Promise<boolean> {
  let query = db
    .updateTable('one_on_one_action_items')
    .set({ ...patch, version: nextVersion() })
    .where('org_id', '=', orgId)
    .where('id', '=', itemId);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteActionItemRow(db: DB, orgId: string, itemId: string) {
  await db
    .deleteFrom('one_on_one_action_items')
    .where('org_id', '=', orgId)
    .where('id', '=', itemId)
    .execute();
}

// ------------------------------------------------------------------------------------------ shared notes

export async function listSharedNotesForReader(
  db: DB,
  orgId: string,
  readerId: string,
  pairId: string,
  meetingId: string,
) {
  return db
    .selectFrom('one_on_one_shared_notes')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('meeting_id', '=', meetingId)
    .where('pair_id', 'in', pairIdsOf(db, orgId, readerId, pairId))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findSharedNoteForReader(
  db: DB,
  orgId: string,
  readerId: string,
  pairId: string,
  noteId: string,
) {
  return db
    .selectFrom('one_on_one_shared_notes')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', noteId)
    .where('pair_id', 'in', pairIdsOf(db, orgId, readerId, pairId))
    .executeTakeFirst();
}

export async function insertSharedNote(db: DB, row: NoteRow) {
  await db.insertInto('one_on_one_shared_notes').values(row).execute();
}

export async function updateSharedNoteOfAuthor(
  db: DB,
  orgId: string,
  authorId: string,
  noteId: string,
  patch: { body: string; updated_at: string },
  expectedVersion?: number,
): Promise<boolean> {
  let query = db
    .updateTable('one_on_one_shared_notes')
    .set({ ...patch, version: nextVersion() })
    .where('org_id', '=', orgId)
    .where('id', '=', noteId)
    .where('author_id', '=', authorId);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteSharedNoteOfAuthor(db: DB, orgId: string, authorId: string, noteId: string) {
  await db
    .deleteFrom('one_on_one_shared_notes')
    .where('org_id', '=', orgId)
    .where('id', '=', noteId)
    .where('author_id', '=', authorId)
    .execute();
}

// ------------------------------------------------------------------------------------------ personal notes (author only)

export async function listPrivateNotesOfAuthor(
  db: DB,
  orgId: string,
  authorId: string,
  pairId: string,
  meetingId: string,
) {
  return db
    .selectFrom('one_on_one_private_notes')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('author_id', '=', authorId)
    .where('meeting_id', '=', meetingId)
    .where('pair_id', 'in', pairIdsOf(db, orgId, authorId, pairId))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findPrivateNoteOfAuthor(
  db: DB,
  orgId: string,
  authorId: string,
  pairId: string,
  noteId: string,
) {
  return db
    .selectFrom('one_on_one_private_notes')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', noteId)
    .where('author_id', '=', authorId)
    .where('pair_id', 'in', pairIdsOf(db, orgId, authorId, pairId))
    .executeTakeFirst();
}

export async function insertPrivateNote(db: DB, row: NoteRow) {
  await db.insertInto('one_on_one_private_notes').values(row).execute();
}

export async function updatePrivateNoteOfAuthor(
  db: DB,
  orgId: string,
  authorId: string,
  noteId: string,
  patch: { body: string; updated_at: string },
  expectedVersion?: number,
): Promise<boolean> {
  let query = db
    .updateTable('one_on_one_private_notes')
    .set({ ...patch, version: nextVersion() })
    .where('org_id', '=', orgId)
    .where('id', '=', noteId)
    .where('author_id', '=', authorId);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deletePrivateNoteOfAuthor(db: DB, orgId: string, authorId: string, noteId: string) {
  await db
    .deleteFrom('one_on_one_private_notes')
    .where('org_id', '=', orgId)
    .where('id', '=', noteId)
    .where('author_id', '=', authorId)
    .execute();
}

// ------------------------------------------------------------------------------------------ context (the report's work)

const contextTaskColumns = [
  'tasks.id',
  'tasks.title',
  'tasks.status',
  'tasks.deadline',
  'tasks.project_id',
  'projects.name as project_name',
] as const;

export async function listLateTasksOf(db: DB, orgId: string, personId: string, today: string, limit: number) {
  return db
    .selectFrom('tasks')
    .leftJoin('projects', 'projects.id', 'tasks.project_id')
    .select(contextTaskColumns)
    .where('tasks.org_id', '=', orgId)
    .where('tasks.assignee_id', '=', personId)
    .where('tasks.status', '<>', 'done')
    .where('tasks.deadline', '<', today)
    .orderBy('tasks.deadline')
    .orderBy('tasks.id')
    .limit(limit)
    .execute();
}

export async function listBlockedTasksOf(db: DB, orgId: string, personId: string, limit: number) {
  return db
    .selectFrom('tasks')
    .leftJoin('projects', 'projects.id', 'tasks.project_id')
    .select(contextTaskColumns)
    .where('tasks.org_id', '=', orgId)
    .where('tasks.assignee_id', '=', personId)
    .where('tasks.status', '=', 'blocked')
    .orderBy('tasks.deadline')
    .orderBy('tasks.id')
    .limit(limit)
    .execute();
}

export async function loggedHoursBetween(db: DB, orgId: string, personId: string, from: string, to: string) {
  const row = await db
    .selectFrom('time_entries')
    .select((eb) => eb.fn.sum('hours').as('h'))
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .executeTakeFirst();
  return Number(row?.h ?? 0);
}

export async function listGrowthGoalsWithLevels(db: DB, orgId: string, personId: string) {
  return db
    .selectFrom('growth_goals')
    .innerJoin('skills', 'skills.id', 'growth_goals.skill_id')
    .leftJoin('person_skills', (join) =>
      join
        .onRef('person_skills.person_id', '=', 'growth_goals.person_id')
        .onRef('person_skills.skill_id', '=', 'growth_goals.skill_id'),
    )
    .select(['growth_goals.skill_id', 'skills.name', 'growth_goals.target_level', 'person_skills.level'])
    .where('growth_goals.org_id', '=', orgId)
    .where('growth_goals.person_id', '=', personId)
    .orderBy('skills.name')
    .execute();
}

// ------------------------------------------------------------------------------------------ counts for the talent review

/**
 * Held mentoring 1:1s per mentor since a date (emerging-leader signal). A count of meetings only:
 * nothing of their agenda, notes or action items.
 */
export async function countHeldMentoringMeetings(db: DB, orgId: string, since: string) {
  return db
    .selectFrom('one_on_one_meetings')
    .innerJoin('one_on_ones', 'one_on_ones.id', 'one_on_one_meetings.pair_id')
    .select((eb) => ['one_on_ones.manager_id', eb.fn.countAll().as('n')])
    .where('one_on_ones.org_id', '=', orgId)
    .where('one_on_ones.kind', '=', 'mentor')
    .where('one_on_one_meetings.status', '=', 'held')
    .where('one_on_one_meetings.date', '>=', since)
    .groupBy('one_on_ones.manager_id')
    .execute();
}
