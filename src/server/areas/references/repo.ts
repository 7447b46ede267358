/** The org-scoped existence check behind every id given in a request body. */
import type { DB } from '../../deps';

/** Tables that a request body may point into; each has `id` and `org_id`. */
export type ReferencedTable =
  'people' | 'clients' | 'goals' | 'skills' | 'projects' | 'tasks' | 'pillars' | 'teams';

/** Which of `ids` exist in `table` within this organization. */
export async function findExistingIds(
  db: DB,
  orgId: string,
  table: ReferencedTable,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Set(rows.map((r) => r.id));
}
