/**
 * The hour at which an applied plan starts each task on its first day, beside the hour it finishes on
 * its last: with both, the timeline can tell a same-day hand-off (one task ends at 11:00, the next
 * starts at 11:00) from a broken dependency, and the forecast replays the plan to the hour.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plan_proposals').addColumn('proposed_start_hour', 'double precision').execute();
  await db.schema.alterTable('task_layouts').addColumn('start_hour', 'double precision').execute();
}

export async function down(): Promise<void> {
  throw new Error('Tandem migrations only go forward; restore a backup to go back.');
}
