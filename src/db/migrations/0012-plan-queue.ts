/**
 * Plan runs in a queue shared by several processes: `runner` names the process that claimed a run
 * (host, pid and a per-queue tag), so only that process writes its progress and outcome, and an
 * operator can see where a run is running. The index serves the sweep that every process makes for
 * runs whose runner stopped (status queued or running, heartbeat older than a few seconds).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plan_runs').addColumn('runner', 'text').execute();
  await db.schema.createIndex('plan_runs_live').on('plan_runs').columns(['status', 'heartbeat_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Tandem migrations only go forward; restore a backup to go back.');
}
