/**
 * Which figure a goal's progress counts, said out loud: its metric or the work beneath it. Until now a
 * goal with a complete metric silently counted the metric and ignored its finished work, and one
 * without counted the work; the choice is now stored, so a key result whose target is delivered by a
 * project can count that project's hours while still showing its target.
 *
 * Existing goals keep the figure they showed: 'metric' where the metric is complete (start, target and
 * current set, target ≠ start), 'work' otherwise. Goals also get a due date of their own.
 * The same DDL serves both databases; SQLite adds one column per statement.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('goals')
    .addColumn('progress_source', 'text', (c) => c.notNull().defaultTo('work'))
    .execute();
  await db.schema.alterTable('goals').addColumn('due_date', 'text').execute();
  await sql`
    UPDATE goals SET progress_source = 'metric'
    WHERE metric_start IS NOT NULL AND metric_target IS NOT NULL AND metric_current IS NOT NULL
      AND metric_target <> metric_start
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Tandem migrations only go forward; restore a backup to go back.');
}
