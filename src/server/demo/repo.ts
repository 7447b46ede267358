/**
 * All SQL of the demo: writing a generated organization. Rows go in multi-row INSERTs of at most
 * `insertBatchSize` rows (SQLite allows 32,766 bound values per statement, PostgreSQL 65,535; the widest
 * table has 17 columns), table by table in an order that satisfies every foreign key. Call it inside a
 * transaction so a failure leaves nothing behind.
 */
import type { Insertable } from 'kysely';
import type { Database } from '../../db/schema';
import type { DB } from '../deps';

export const insertBatchSize = 200;

/** Parents before children; within `people` and `goals`, a row's manager or parent comes first. */
export const demoTables = [
  'organizations',
  'skills',
  'teams',
  'people',
  'users',
  'person_skills',
  'growth_goals',
  'time_off',
  'clients',
  'pillars',
  'goals',
  'check_ins',
  'projects',
  'project_goals',
  'tasks',
  'task_dependencies',
  'time_entries',
  // the leader's side
  'org_values',
  'kudos',
  'growth_plans',
  'growth_milestones',
  'one_on_ones',
  'one_on_one_meetings',
  'one_on_one_agenda_items',
  'one_on_one_action_items',
  'one_on_one_shared_notes',
  'one_on_one_private_notes',
  'talent_reviews',
  'pulse_responses',
  'assessments',
  'assessment_requests',
  'assessment_ratings',
] as const satisfies readonly (keyof Database)[];
export type DemoTable = (typeof demoTables)[number];

export type DemoRows = { [T in DemoTable]: Insertable<Database[T]>[] };

export async function insertDemoRows(db: DB, rows: DemoRows): Promise<void> {
  for (const table of demoTables) await insertInBatches(db, table, rows[table]);
}

async function insertInBatches<T extends DemoTable>(
  db: DB,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += insertBatchSize) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + insertBatchSize))
      .execute();
  }
}

/** Whether any sign-in account already uses an e-mail address at this domain (in any organization). */
export async function isEmailDomainInUse(db: DB, domain: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('email', 'like', `%@${domain}`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Keeps the first-start demo's sign-ins (PostgreSQL: there is no data directory to keep them in). */
export async function saveDemoSignIns(
  db: DB,
  orgId: string,
  signIns: readonly { role: string; email: string; password: string }[],
): Promise<void> {
  if (signIns.length === 0) return;
  await db
    .insertInto('demo_sign_ins')
    .values(
      signIns.map((s, position) => ({
        org_id: orgId,
        position,
        role: s.role,
        email: s.email,
        password: s.password,
      })),
    )
    .execute();
}

/** Every kept demo sign-in, in the order they were made. */
export async function listDemoSignIns(db: DB): Promise<{ role: string; email: string; password: string }[]> {
  return db
    .selectFrom('demo_sign_ins')
    .select(['role', 'email', 'password'])
    .orderBy('org_id')
    .orderBy('position')
    .execute();
}
