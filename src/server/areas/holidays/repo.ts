/** All SQL of holidays: the organization's region (a person's own is on their profile row). */
import type { DB } from '../../deps';

/** The organization's holiday region: people without one of their own have its holidays off. */
export async function findOrganizationRegion(db: DB, orgId: string): Promise<string | null> {
  const row = await db
    .selectFrom('organizations')
    .select('holiday_region')
    .where('id', '=', orgId)
    .executeTakeFirst();
  return row?.holiday_region ?? null;
}
