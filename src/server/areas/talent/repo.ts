/** All SQL of the talent review: 9-box placements (every placement is kept: the history) and signals. */
import type { Selectable } from 'kysely';
import type { TalentReviewsTable } from '../../../db/schema-people-side';
import type { DB } from '../../deps';

export type TalentRow = Selectable<TalentReviewsTable>;

/** Placements of these people, newest first per person. */
export async function listReviewsOf(db: DB, orgId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('talent_reviews')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('person_id', 'in', [...personIds])
    .orderBy('person_id')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function insertReview(db: DB, row: TalentRow) {
  await db.insertInto('talent_reviews').values(row).execute();
}

/** People with their sign-in role (if any), team lead status and the number of direct reports. */
export async function listPeopleForTalent(db: DB, orgId: string) {
  const [people, accounts, leads] = await Promise.all([
    db.selectFrom('people').select(['id', 'name', 'manager_id']).where('org_id', '=', orgId).execute(),
    db.selectFrom('users').select(['person_id', 'role']).where('org_id', '=', orgId).execute(),
    db
      .selectFrom('teams')
      .select('lead_id')
      .where('org_id', '=', orgId)
      .where('lead_id', 'is not', null)
      .execute(),
  ]);
  return { people, accounts, leads };
}

export async function listActiveGoalOwners(db: DB, orgId: string) {
  return db
    .selectFrom('goals')
    .select(['owner_id', 'title'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'active')
    .where('owner_id', 'is not', null)
    .orderBy('created_at')
    .execute();
}
