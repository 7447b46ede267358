/** All SQL of growth plans: the plan (mentor, aspiration), its milestones, and the evidence of growth. */
import type { Selectable } from 'kysely';
import type { GrowthMilestonesTable } from '../../../db/schema-people-side';
import type { DB } from '../../deps';
import { nextVersion } from '../versions';

export type MilestoneRow = Selectable<GrowthMilestonesTable>;

export async function findGrowthPlanRow(db: DB, orgId: string, personId: string) {
  return db
    .selectFrom('growth_plans')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/**
 * Writes the given fields of the person's plan (an omitted one stays; a new plan starts with no mentor
 * and no aspiration) and moves it to its next version. With `expectedVersion` only an existing plan
 * still at that version is written. Whether a row was written (not: moved on, or gone).
 */
export async function upsertGrowthPlan(
  db: DB,
  row: {
    orgId: string;
    personId: string;
    mentorId: string | null | undefined;
    aspiration: string | undefined;
    now: string;
  },
  expectedVersion?: number,
): Promise<boolean> {
  const existing = await findGrowthPlanRow(db, row.orgId, row.personId);
  if (existing || expectedVersion !== undefined) {
    let query = db
      .updateTable('growth_plans')
      .set({
        ...(row.mentorId !== undefined ? { mentor_id: row.mentorId } : {}),
        ...(row.aspiration !== undefined ? { aspiration: row.aspiration } : {}),
        updated_at: row.now,
        version: nextVersion(),
      })
      .where('org_id', '=', row.orgId)
      .where('person_id', '=', row.personId);
    if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
  await db
    .insertInto('growth_plans')
    .values({
      person_id: row.personId,
      org_id: row.orgId,
      mentor_id: row.mentorId ?? null,
      aspiration: row.aspiration ?? '',
      created_at: row.now,
      updated_at: row.now,
    })
    .execute();
  return true;
}

/** Marks the plan changed (a milestone added, its skills changed on the profile): a new version. */
export async function touchGrowthPlan(db: DB, orgId: string, personId: string, now: string) {
  await db
    .updateTable('growth_plans')
    .set({ updated_at: now, version: nextVersion() })
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .execute();
}

/** Everyone's plan mentor (emerging-leader signal: who mentors whom). */
export async function listMentorLinks(db: DB, orgId: string) {
  return db
    .selectFrom('growth_plans')
    .select(['person_id', 'mentor_id'])
    .where('org_id', '=', orgId)
    .where('mentor_id', 'is not', null)
    .execute();
}

export async function listPlanPeople(db: DB, orgId: string) {
  return db.selectFrom('growth_plans').select('person_id').where('org_id', '=', orgId).execute();
}

/** A page of the people whose plan names the mentor, by name, and how many there are in all. */
export async function listMenteesOf(
  db: DB,
  orgId: string,
  mentorId: string,
  range: { limit: number; offset: number },
) {
  const query = db
    .selectFrom('growth_plans')
    .innerJoin('people', 'people.id', 'growth_plans.person_id')
    .where('growth_plans.org_id', '=', orgId)
    .where('growth_plans.mentor_id', '=', mentorId);
  const [rows, count] = await Promise.all([
    query
      .select('growth_plans.person_id')
      .orderBy('people.name')
      .orderBy('growth_plans.person_id')
      .limit(range.limit)
      .offset(range.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

// ------------------------------------------------------------------------------------------ milestones

export async function listMilestones(db: DB, orgId: string, personId: string) {
  return db
    .selectFrom('growth_milestones')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .orderBy('done_at', (ob) => ob.nullsFirst())
    .orderBy('due_date', (ob) => ob.nullsLast())
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findMilestone(db: DB, orgId: string, personId: string, id: string) {
  return db
    .selectFrom('growth_milestones')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertMilestone(db: DB, row: MilestoneRow) {
  await db.insertInto('growth_milestones').values(row).execute();
}

/**
 * Writes the fields and moves the milestone to its next version; with `expectedVersion` only while it
 * is still at that version. Whether a row was written (not: moved on, or gone).
 */
export async function updateMilestoneRow(
  db: DB,
  orgId: string,
  id: string,
  patch: { title?: string; skill_id?: string | null; due_date?: string | null; done_at?: string | null },
  expectedVersion?: number,
): Promise<boolean> {
  let query = db
    .updateTable('growth_milestones')
    .set({ ...patch, version: nextVersion() })
    .where('org_id', '=', orgId)
    .where('id', '=', id);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteMilestoneRow(db: DB, orgId: string, id: string) {
  await db.deleteFrom('growth_milestones').where('org_id', '=', orgId).where('id', '=', id).execute();
}

// ------------------------------------------------------------------------------------------ evidence

/** Done tasks of the person that needed one of these skills, newest first, with the hours they logged on them. */
export async function listDoneTasksWithSkills(
  db: DB,
  orgId: string,
  personId: string,
  skillIds: readonly string[],
) {
  if (skillIds.length === 0) return [];
  return db
    .selectFrom('tasks')
    .select((eb) => [
      'tasks.id',
      'tasks.title',
      'tasks.skill_id',
      'tasks.updated_at',
      eb
        .selectFrom('time_entries')
        .select((sub) => sub.fn.sum('time_entries.hours').as('h'))
        .whereRef('time_entries.task_id', '=', 'tasks.id')
        .where('time_entries.person_id', '=', personId)
        .as('logged'),
    ])
    .where('tasks.org_id', '=', orgId)
    .where('tasks.assignee_id', '=', personId)
    .where('tasks.status', '=', 'done')
    .where('tasks.skill_id', 'in', skillIds)
    .orderBy('tasks.updated_at', 'desc')
    .orderBy('tasks.id')
    .execute();
}
