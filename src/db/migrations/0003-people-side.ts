/** Tables of the leader's side (issue 5): 1:1s, kudos, growth plans, talent review, pulse, assessments. */
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<unknown>): Promise<void> {
  // filled in by the issue that owns this migration
}

export async function down(): Promise<void> {
  throw new Error('Tandem migrations only go forward; restore a backup to go back.');
}
