/** All SQL of teams. A team's member count is the number of people whose team_id points at it. */
import type { DB } from '../../deps';
import { nextVersion } from '../versions';

function selectTeams(db: DB, orgId: string) {
  return db
    .selectFrom('teams')
    .select((eb) => [
      'teams.id',
      'teams.name',
      'teams.lead_id',
      'teams.version',
      eb
        .selectFrom('people')
        .select(eb.fn.countAll().as('n'))
        .whereRef('people.team_id', '=', 'teams.id')
        .where('people.org_id', '=', orgId)
        .as('member_count'),
    ])
    .where('teams.org_id', '=', orgId);
}

export type TeamRow = NonNullable<Awaited<ReturnType<typeof findTeam>>>;

/** A page of the organization's teams by name, and how many there are in all. */
export async function listTeams(db: DB, orgId: string, range: { limit: number; offset: number }) {
  const [rows, count] = await Promise.all([
    selectTeams(db, orgId)
      .orderBy('teams.name')
      .orderBy('teams.id')
      .limit(range.limit)
      .offset(range.offset)
      .execute(),
    db
      .selectFrom('teams')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findTeam(db: DB, orgId: string, id: string) {
  return selectTeams(db, orgId).where('teams.id', '=', id).executeTakeFirst();
}

export async function insertTeam(
  db: DB,
  row: { id: string; orgId: string; name: string; leadId: string | null },
) {
  await db
    .insertInto('teams')
    .values({ id: row.id, org_id: row.orgId, name: row.name, lead_id: row.leadId })
    .execute();
}

/**
 * Writes the fields and moves the team to its next version; with `expectedVersion` only while the team
 * is still at that version. Whether a row was written (not: moved on, or gone).
 */
export async function updateTeam(
  db: DB,
  orgId: string,
  id: string,
  patch: { name?: string; lead_id?: string | null },
  expectedVersion?: number,
): Promise<boolean> {
  let query = db
    .updateTable('teams')
    .set({ ...patch, version: nextVersion() })
    .where('org_id', '=', orgId)
    .where('id', '=', id);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes the team; its members keep their profiles with no team (people.team_id is ON DELETE SET NULL). */
export async function deleteTeam(db: DB, orgId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('teams')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** teams.lead_id has no foreign key, so deleting a person clears it here. */
export async function clearTeamLead(db: DB, orgId: string, personId: string) {
  await db
    .updateTable('teams')
    .set({ lead_id: null, version: nextVersion() })
    .where('org_id', '=', orgId)
    .where('lead_id', '=', personId)
    .execute();
}

export async function findTeamRow(db: DB, orgId: string, id: string) {
  return db
    .selectFrom('teams')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}
