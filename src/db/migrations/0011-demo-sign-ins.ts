/**
 * The first-start demo's sign-ins on PostgreSQL, where there is no data directory to keep them in
 * (SQLite keeps them in `<dataDir>/demo-sign-ins.txt`, mode 0600): every process prints them at start.
 * Whoever can read this table can also write the accounts' password hashes, so it is kept with the
 * same care as the rest of the database (as the SQLite file is kept beside the database file).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('demo_sign_ins')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('password', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('demo_sign_ins_pk', ['org_id', 'position'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Tandem migrations only go forward; restore a backup to go back.');
}
