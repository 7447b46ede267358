/**
 * Tables of planning: plan runs and their proposals (one row per task), and the manual pin
 * on tasks that the planner must keep.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('tasks')
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('plan_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('created_by', 'text') // user id; null for the command line
    .addColumn('created_by_name', 'text')
    .addColumn('scope_project_ids', 'text') // JSON array; null = the whole organization
    .addColumn('keep_assignees', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('time_limit_ms', 'integer', (c) => c.notNull())
    .addColumn('seed', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('engine_status', 'text')
    .addColumn('today', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('schedules', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('elapsed_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('best_lateness_hours', 'double precision')
    .addColumn('figures', 'text') // JSON {current, proposed}
    .addColumn('issues', 'text', (c) => c.notNull().defaultTo('[]')) // JSON
    .addColumn('message', 'text')
    .addColumn('task_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('changed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unplaceable_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cancel_requested', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('applied_at', 'text')
    .addColumn('applied_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('plan_runs_org').on('plan_runs').columns(['org_id', 'created_at']).execute();

  await db.schema
    .createTable('plan_proposals')
    .addColumn('run_id', 'text', (c) => c.notNull().references('plan_runs.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull()) // no FK: a deleted task makes the plan stale, not broken
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text')
    .addColumn('hours', 'double precision', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('task_hash', 'text', (c) => c.notNull())
    .addColumn('current_person_id', 'text')
    .addColumn('current_start', 'text')
    .addColumn('current_end', 'text')
    .addColumn('proposed_person_id', 'text')
    .addColumn('proposed_start', 'text')
    .addColumn('proposed_end', 'text')
    .addColumn('current_late_hours', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('proposed_late_hours', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('is_changed', 'integer', (c) => c.notNull())
    .addColumn('is_pinned', 'integer', (c) => c.notNull())
    .addColumn('is_in_progress', 'integer', (c) => c.notNull())
    .addColumn('is_growth', 'integer', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull()) // JSON array of sentences
    .addColumn('unplaceable', 'text')
    .addColumn('applied_at', 'text')
    .addPrimaryKeyConstraint('plan_proposals_pk', ['run_id', 'task_id'])
    .execute();
  await db.schema
    .createIndex('plan_proposals_run')
    .on('plan_proposals')
    .columns(['run_id', 'is_changed', 'position'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Tandem migrations only go forward; restore a backup to go back.');
}
