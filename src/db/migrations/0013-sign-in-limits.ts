/**
 * The sign-in limiter's counters on PostgreSQL, where several processes must see the same counts
 * (rate-limiter-flexible's RateLimiterPostgres reads and writes this table; its columns are the ones
 * the library expects). Created here, under the start-up lock, rather than by the library at run
 * time, so processes starting together do not race to create it. `key` is text, not the library's
 * varchar(255): a key holds a prefix, an email of up to 254 characters and an address.
 *
 * SQLite has the table too (one migration set for both), but its single process counts in memory.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expire', 'bigint')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Tandem migrations only go forward; restore a backup to go back.');
}
