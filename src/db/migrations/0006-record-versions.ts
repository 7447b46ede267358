/**
 * A version on every record edited through a PATCH or PUT, so that an edit made from an older copy is
 * refused instead of silently undoing someone else's change (two people in one form, a script racing
 * the web app). Every write of such a row moves `version` on by one (the areas' repo.ts do it); an edit
 * that names the version it was made from is written only while the row is still at it.
 *
 * Existing rows start at 1. The same DDL serves both databases; SQLite adds one column per statement.
 */
import type { Kysely } from 'kysely';

/** Every table whose rows a PATCH or PUT edits (schema.ts, schema-people-side.ts). */
export const versionedTables = [
  'organizations',
  'pillars',
  'goals',
  'projects',
  'tasks',
  'people',
  'teams',
  'clients',
  'org_values',
  'growth_plans',
  'growth_milestones',
  'one_on_ones',
  'one_on_one_meetings',
  'one_on_one_agenda_items',
  'one_on_one_action_items',
  'one_on_one_shared_notes',
  'one_on_one_private_notes',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of versionedTables) {
    await db.schema
      .alterTable(table)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  }
}

export async function down(): Promise<void> {
  throw new Error('Tandem migrations only go forward; restore a backup to go back.');
}
