/**
 * How applied plans lay tasks' hours on days: the planner works hour by hour, while a task
 * stores whole dates. A proposal keeps the engine's hours per date; applying it stores them per task,
 * so the workload, the plan figures and budgets read the applied plan exactly as it was proposed.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('task_layouts')
    .addColumn('task_id', 'text', (c) => c.primaryKey().references('tasks.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    // what the layout was laid for: it holds only while the task still has these
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('planned_start', 'text', (c) => c.notNull())
    .addColumn('planned_end', 'text', (c) => c.notNull())
    .addColumn('hours', 'double precision', (c) => c.notNull())
    .addColumn('finish_hour', 'double precision', (c) => c.notNull())
    .addColumn('daily', 'text', (c) => c.notNull()) // JSON [[date, hours], …]
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_layouts_org').on('task_layouts').column('org_id').execute();
  // SQLite adds one column per statement
  await db.schema.alterTable('plan_proposals').addColumn('proposed_daily', 'text').execute();
  await db.schema
    .alterTable('plan_proposals')
    .addColumn('proposed_finish_hour', 'double precision')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Tandem migrations only go forward; restore a backup to go back.');
}
