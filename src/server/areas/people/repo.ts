/** All SQL of people: profiles, skills, growth goals, time off. */
import { sql } from 'kysely';
import type { DB } from '../../deps';
import { nextVersion } from '../versions';

export async function insertPerson(
  db: DB,
  row: {
    id: string;
    orgId: string;
    name: string;
    email?: string | null;
    title?: string;
    managerId?: string | null;
    teamId?: string | null;
    capacityHoursPerWeek?: number;
    costRate?: number;
    billRate?: number;
    passions?: string[];
    values?: string[];
    holidayRegion?: string | null;
    now: string;
  },
) {
  await db
    .insertInto('people')
    .values({
      id: row.id,
      org_id: row.orgId,
      name: row.name,
      email: row.email ?? null,
      title: row.title ?? '',
      manager_id: row.managerId ?? null,
      team_id: row.teamId ?? null,
      capacity_hours_per_week: row.capacityHoursPerWeek ?? 40,
      cost_rate: row.costRate ?? 0,
      bill_rate: row.billRate ?? 0,
      passions: JSON.stringify(row.passions ?? []),
      person_values: JSON.stringify(row.values ?? []),
      holiday_region: row.holidayRegion ?? null,
      created_at: row.now,
      updated_at: row.now,
    })
    .execute();
}

export async function findPersonRow(db: DB, orgId: string, id: string) {
  return db
    .selectFrom('people')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPersonRow>>>;

export interface PersonFilters {
  teamId?: string | undefined;
  managerId?: string | undefined;
  skillId?: string | undefined;
  /** Case-insensitive substring of the name or the title. */
  q?: string | undefined;
}

// `!` as the LIKE escape character reads the same on SQLite and PostgreSQL (a backslash does not
// survive every quoting mode), so a search for "50%" finds "50%" and not everything.
const likePattern = (q: string) => `%${q.replace(/[!%_]/g, (c) => `!${c}`)}%`;

function filteredPeople(db: DB, orgId: string, filters: PersonFilters) {
  let query = db.selectFrom('people').where('people.org_id', '=', orgId);
  if (filters.teamId) query = query.where('people.team_id', '=', filters.teamId);
  if (filters.managerId) query = query.where('people.manager_id', '=', filters.managerId);
  if (filters.skillId) {
    const skillId = filters.skillId;
    query = query.where('people.id', 'in', (eb) =>
      eb
        .selectFrom('person_skills')
        .select('person_skills.person_id')
        .where('person_skills.org_id', '=', orgId)
        .where('person_skills.skill_id', '=', skillId),
    );
  }
  if (filters.q) {
    const pattern = likePattern(filters.q);
    query = query.where(
      sql<boolean>`(lower(people.name) like lower(${pattern}) escape '!' or lower(people.title) like lower(${pattern}) escape '!')`,
    );
  }
  return query;
}

export async function listPeopleRows(
  db: DB,
  orgId: string,
  filters: PersonFilters,
  range: { limit: number; offset: number },
) {
  return filteredPeople(db, orgId, filters)
    .selectAll('people')
    .orderBy('people.name')
    .orderBy('people.id')
    .limit(range.limit)
    .offset(range.offset)
    .execute();
}

export async function countPeople(db: DB, orgId: string, filters: PersonFilters): Promise<number> {
  const row = await filteredPeople(db, orgId, filters)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every reporting line of the organization (person → manager), for the cycle check. */
export async function listReportingLines(db: DB, orgId: string) {
  return db
    .selectFrom('people')
    .select(['id', 'manager_id'])
    .where('org_id', '=', orgId)
    .where('manager_id', 'is not', null)
    .execute();
}

/**
 * Writes the fields and moves the profile to its next version; with `expectedVersion` only while the
 * profile is still at that version. Whether a row was written (not: moved on, or gone).
 */
export async function updatePersonRow(
  db: DB,
  orgId: string,
  id: string,
  patch: {
    name?: string;
    email?: string | null;
    title?: string;
    manager_id?: string | null;
    team_id?: string | null;
    capacity_hours_per_week?: number;
    cost_rate?: number;
    bill_rate?: number;
    passions?: string;
    person_values?: string;
    holiday_region?: string | null;
    updated_at: string;
  },
  expectedVersion?: number,
): Promise<boolean> {
  let query = db
    .updateTable('people')
    .set({ ...patch, version: nextVersion() })
    .where('org_id', '=', orgId)
    .where('id', '=', id);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Marks the profile changed when a list it shows is written elsewhere (a growth plan's skills): a new version. */
export async function touchPersonRow(db: DB, orgId: string, id: string, now: string): Promise<void> {
  await db
    .updateTable('people')
    .set({ updated_at: now, version: nextVersion() })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deletePersonRow(db: DB, orgId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('people')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// Relations are loaded for a whole page of people at once: one query per relation, never one per person.

export async function listSkillsOf(db: DB, orgId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('person_skills')
    .select(['person_id', 'skill_id', 'level'])
    .where('org_id', '=', orgId)
    .where('person_id', 'in', personIds)
    .orderBy('person_id')
    .orderBy('skill_id')
    .execute();
}

export async function listGrowthGoalsOf(db: DB, orgId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('growth_goals')
    .select(['person_id', 'skill_id', 'target_level'])
    .where('org_id', '=', orgId)
    .where('person_id', 'in', personIds)
    .orderBy('person_id')
    .orderBy('skill_id')
    .execute();
}

export async function listTimeOffOf(db: DB, orgId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('time_off')
    .select(['id', 'person_id', 'start_date', 'end_date', 'reason'])
    .where('org_id', '=', orgId)
    .where('person_id', 'in', personIds)
    .orderBy('start_date')
    .orderBy('end_date')
    .orderBy('id')
    .execute();
}

/** Sign-in roles of the accounts linked to these people (oldest account first). */
export async function listAccountRolesOf(db: DB, orgId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['person_id', 'role'])
    .where('org_id', '=', orgId)
    .where('person_id', 'in', personIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function replaceSkills(
  db: DB,
  orgId: string,
  personId: string,
  skills: readonly { skillId: string; level: number }[],
) {
  await db
    .deleteFrom('person_skills')
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .execute();
  if (skills.length === 0) return;
  await db
    .insertInto('person_skills')
    .values(skills.map((s) => ({ org_id: orgId, person_id: personId, skill_id: s.skillId, level: s.level })))
    .execute();
}

export async function replaceGrowthGoals(
  db: DB,
  orgId: string,
  personId: string,
  goals: readonly { skillId: string; targetLevel: number }[],
) {
  await db.deleteFrom('growth_goals').where('org_id', '=', orgId).where('person_id', '=', personId).execute();
  if (goals.length === 0) return;
  await db
    .insertInto('growth_goals')
    .values(
      goals.map((g) => ({
        org_id: orgId,
        person_id: personId,
        skill_id: g.skillId,
        target_level: g.targetLevel,
      })),
    )
    .execute();
}

export async function insertTimeOff(
  db: DB,
  row: { id: string; orgId: string; personId: string; startDate: string; endDate: string; reason: string },
) {
  await db
    .insertInto('time_off')
    .values({
      id: row.id,
      org_id: row.orgId,
      person_id: row.personId,
      start_date: row.startDate,
      end_date: row.endDate,
      reason: row.reason,
    })
    .execute();
}

export async function deleteTimeOffRow(
  db: DB,
  orgId: string,
  personId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('time_off')
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
