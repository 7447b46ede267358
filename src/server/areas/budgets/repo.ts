/** All SQL of budgets: time logged on projects. */
import type { DB } from '../../deps';

export async function listProjectTimeEntries(db: DB, orgId: string, projectIds: readonly string[]) {
  if (projectIds.length === 0) return [];
  return db
    .selectFrom('time_entries')
    .innerJoin('tasks', (join) =>
      join.onRef('tasks.id', '=', 'time_entries.task_id').on('tasks.org_id', '=', orgId),
    )
    .select(['tasks.project_id', 'time_entries.person_id', 'time_entries.date', 'time_entries.hours'])
    .where('time_entries.org_id', '=', orgId)
    .where('tasks.project_id', 'in', [...projectIds])
    .orderBy('time_entries.date')
    .execute();
}
