/**
 * Public holidays are days off: an organization names its country or region (e.g. `DE-BE`, `GB-ENG`,
 * `US-CA`), and a person elsewhere names their own (null: the organization's). The days themselves
 * come from the date-holidays library at read time, never from a hand-typed list.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organizations').addColumn('holiday_region', 'text').execute();
  await db.schema.alterTable('people').addColumn('holiday_region', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Tandem migrations only go forward; restore a backup to go back.');
}
