import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as spine from './migrations/0001-spine';
import * as planning from './migrations/0002-planning';
import * as peopleSide from './migrations/0003-people-side';
import * as taskLayouts from './migrations/0004-task-layouts';

/** Migrations are bundled in code (not read from disk) so the built server carries them. */
const migrations: Record<string, Migration> = {
  '0001-spine': spine,
  '0002-planning': planning,
  '0003-people-side': peopleSide,
  '0004-task-layouts': taskLayouts,
};

class CodeMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider: new CodeMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : 'unknown error';
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
}
