/** All SQL of people: profiles, skills, growth goals, time off. */
import type { DB } from '../../deps';

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
