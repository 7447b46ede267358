import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as spine from './migrations/0001-spine';
import * as planning from './migrations/0002-planning';
import * as peopleSide from './migrations/0003-people-side';
import * as taskLayouts from './migrations/0004-task-layouts';
import * as accountsPerOrganization from './migrations/0005-accounts-per-organization';
import * as recordVersions from './migrations/0006-record-versions';
import * as keyResultProgress from './migrations/0007-key-result-progress';
import * as layoutStartHour from './migrations/0008-layout-start-hour';
import * as proposalChangeReason from './migrations/0009-proposal-change-reason';
import * as holidayRegions from './migrations/0010-holiday-regions';
import * as demoSignIns from './migrations/0011-demo-sign-ins';
import * as planQueue from './migrations/0012-plan-queue';
import * as signInLimits from './migrations/0013-sign-in-limits';

/** Migrations are bundled in code (not read from disk) so the built server carries them. */
const migrations: Record<string, Migration> = {
  '0001-spine': spine,
  '0002-planning': planning,
  '0003-people-side': peopleSide,
  '0004-task-layouts': taskLayouts,
  '0005-accounts-per-organization': accountsPerOrganization,
  '0006-record-versions': recordVersions,
  '0007-key-result-progress': keyResultProgress,
  '0008-layout-start-hour': layoutStartHour,
  '0009-proposal-change-reason': proposalChangeReason,
  '0010-holiday-regions': holidayRegions,
  '0011-demo-sign-ins': demoSignIns,
  '0012-plan-queue': planQueue,
  '0013-sign-in-limits': signInLimits,
};

class CodeMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/** Brings the schema to the newest migration, or (tests of a migration) up to and including `upTo`. */
export async function migrateToLatest(db: Kysely<unknown>, upTo?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: new CodeMigrationProvider() });
  const { error, results } = upTo ? await migrator.migrateTo(upTo) : await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : 'unknown error';
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
}
