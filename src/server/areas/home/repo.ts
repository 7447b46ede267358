/** The reads behind the role-aware home. */
import type { DB } from '../../deps';

export async function loadLeaderRows(db: DB, orgId: string) {
  const [goals, links, directTasks, people, lastCheckIns] = await Promise.all([
    db
      .selectFrom('goals')
      .leftJoin('people', 'people.id', 'goals.owner_id')
      .select([
        'goals.id',
        'goals.parent_id',
        'goals.pillar_id',
        'goals.kind',
        'goals.title',
        'goals.is_stretch',
        'goals.horizon',
        'goals.status',
        'goals.created_at',
        'people.name as owner_name',
      ])
      .where('goals.org_id', '=', orgId)
      .orderBy('goals.created_at')
      .execute(),
    db.selectFrom('project_goals').select(['goal_id']).where('org_id', '=', orgId).execute(),
    db
      .selectFrom('tasks')
      .select(['goal_id'])
      .where('org_id', '=', orgId)
      .where('goal_id', 'is not', null)
      .execute(),
    db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('check_ins')
      .select(['goal_id', 'confidence', 'date', 'created_at'])
      .where('org_id', '=', orgId)
      .orderBy('date')
      .orderBy('created_at')
      .execute(),
  ]);
  return { goals, links, directTasks, peopleCount: Number(people.n), lastCheckIns };
}

export async function listManagedProjects(db: DB, orgId: string, personId: string) {
  return db
    .selectFrom('projects')
    .leftJoin('people', 'people.id', 'projects.manager_id')
    .select([
      'projects.id',
      'projects.name',
      'projects.status',
      'projects.deadline',
      'people.name as manager_name',
    ])
    .where('projects.org_id', '=', orgId)
    .where('projects.manager_id', '=', personId)
    .where('projects.status', 'in', ['planned', 'active', 'on_hold'])
    .orderBy('projects.deadline')
    .execute();
}

const taskColumns = [
  'tasks.id',
  'tasks.title',
  'tasks.status',
  'tasks.deadline',
  'tasks.project_id',
  'tasks.goal_id',
  'tasks.assignee_id',
  'projects.name as project_name',
  'projects.manager_id as project_manager_id',
  'people.name as assignee_name',
] as const;

export async function listOpenTasksOfProjects(db: DB, orgId: string, projectIds: readonly string[]) {
  if (projectIds.length === 0) return [];
  return db
    .selectFrom('tasks')
    .leftJoin('projects', 'projects.id', 'tasks.project_id')
    .leftJoin('people', 'people.id', 'tasks.assignee_id')
    .select(taskColumns)
    .where('tasks.org_id', '=', orgId)
    .where('tasks.project_id', 'in', projectIds)
    .where('tasks.status', '!=', 'done')
    .orderBy('tasks.deadline')
    .execute();
}

export async function listOpenTasksOf(db: DB, orgId: string, personId: string, limit: number) {
  return db
    .selectFrom('tasks')
    .leftJoin('projects', 'projects.id', 'tasks.project_id')
    .leftJoin('people', 'people.id', 'tasks.assignee_id')
    .select(taskColumns)
    .where('tasks.org_id', '=', orgId)
    .where('tasks.assignee_id', '=', personId)
    .where('tasks.status', '!=', 'done')
    .orderBy('tasks.deadline')
    .limit(limit)
    .execute();
}

export async function countDoneSince(
  db: DB,
  orgId: string,
  personId: string,
  since: string,
): Promise<number> {
  const row = await db
    .selectFrom('tasks')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('org_id', '=', orgId)
    .where('assignee_id', '=', personId)
    .where('status', '=', 'done')
    .where('updated_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
