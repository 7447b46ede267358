/**
 * An email is unique within an organization, not across the server. With one global unique index an
 * owner creating an account learned whether the email was taken in some other organization (a 409),
 * which enumerates other tenants' people. Sign-in finds the account by email and password together
 * (see areas/auth/login.ts).
 *
 * SQLite cannot drop a column's UNIQUE constraint, so the table is rebuilt (SQLite's documented
 * 12-step procedure); connect() runs migrations with foreign keys off and checks them afterwards, so
 * dropping the old table does not cascade into sessions and tokens.
 */
import { sql, SqliteAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await db.schema
      .createTable('users_new')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await sql`INSERT INTO users_new (id, org_id, person_id, email, password_hash, role, created_at, must_change_password)
      SELECT id, org_id, person_id, email, password_hash, role, created_at, must_change_password FROM users`.execute(
      db,
    );
    await db.schema.dropTable('users').execute();
    await db.schema.alterTable('users_new').renameTo('users').execute();
  } else {
    await sql`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_email_key`.execute(db);
  }
  await db.schema.createIndex('users_org_email').on('users').columns(['org_id', 'email']).unique().execute();
  await db.schema.createIndex('users_email').on('users').column('email').execute();
  await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Tandem migrations only go forward; restore a backup to go back.');
}
