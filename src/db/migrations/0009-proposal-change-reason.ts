/**
 * What each change of a proposed plan buys (core/plan-trade.ts: to meet its deadline, to free its
 * person for work due sooner, to fix overload, …): the planner groups a proposal by project and by
 * person, and counts a group's changes by what they buy.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plan_proposals').addColumn('change_reason', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Tandem migrations only go forward; restore a backup to go back.');
}
