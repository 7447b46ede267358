/**
 * The SQL of plan runs: their rows, and the states a run moves through in the queue. Every write a
 * runner makes is conditional on the run still being its own (`status = 'running' AND runner = …`), and
 * every state change one process makes for another is conditional on the state it saw, so when
 * several processes act on one run at once, exactly one of them does.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { PlanRunsTable } from '../../../db/schema';
import type { DB } from '../../deps';

export type PlanRunRow = Selectable<PlanRunsTable>;
type RunPatch = Omit<Updateable<PlanRunsTable>, 'id' | 'org_id' | 'runner' | 'status'>;

export async function insertRun(db: DB, row: Insertable<PlanRunsTable>): Promise<void> {
  await db.insertInto('plan_runs').values(row).execute();
}

export async function findRunRow(db: DB, orgId: string, id: string): Promise<PlanRunRow | undefined> {
  return db
    .selectFrom('plan_runs')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The account that started a run: undefined when there is no such run, null when it has no author. */
export async function findRunAuthor(db: DB, orgId: string, id: string): Promise<string | null | undefined> {
  const row = await db
    .selectFrom('plan_runs')
    .select('created_by')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.created_by;
}

export async function updateRunRow(
  db: DB,
  orgId: string,
  id: string,
  patch: Omit<Updateable<PlanRunsTable>, 'id' | 'org_id'>,
): Promise<void> {
  await db.updateTable('plan_runs').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute();
}

export async function listRunRows(
  db: DB,
  orgId: string,
  createdBy: string | null,
  window: { limit: number; offset: number },
): Promise<{ rows: PlanRunRow[]; total: number }> {
  let query = db.selectFrom('plan_runs').where('org_id', '=', orgId);
  if (createdBy !== null) query = query.where('created_by', '=', createdBy);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Keeps the newest `keep` runs of the organization (their proposals go with the rest by cascade). */
export async function pruneRuns(db: DB, orgId: string, keep: number): Promise<void> {
  const old = await db
    .selectFrom('plan_runs')
    .select('id')
    .where('org_id', '=', orgId)
    .where('status', 'not in', ['queued', 'running'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .offset(keep)
    .limit(1000)
    .execute();
  if (old.length === 0) return;
  const ids = old.map((r) => r.id);
  await db.deleteFrom('plan_proposals').where('org_id', '=', orgId).where('run_id', 'in', ids).execute();
  await db.deleteFrom('plan_runs').where('org_id', '=', orgId).where('id', 'in', ids).execute();
}

// ---------------------------------------------------------------- a runner's writes

/** Marks a queued run running for `runner`; undefined when it is no longer queued (cancelled, failed). */
export async function claimRun(
  db: DB,
  orgId: string,
  id: string,
  runner: string,
  now: string,
): Promise<PlanRunRow | undefined> {
  return db
    .updateTable('plan_runs')
    .set({ status: 'running', runner, heartbeat_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .returningAll()
    .executeTakeFirst();
}

/**
 * Writes progress (with the heartbeat) of a run `runner` holds. Answers whether a cancel was asked
 * for, or null when the run is no longer this runner's (the sweep gave it up as stopped).
 */
export async function touchRun(
  db: DB,
  orgId: string,
  id: string,
  runner: string,
  patch: RunPatch & { heartbeat_at: string },
): Promise<{ cancelRequested: boolean } | null> {
  const row = await db
    .updateTable('plan_runs')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('runner', '=', runner)
    .returning('cancel_requested')
    .executeTakeFirst();
  return row ? { cancelRequested: Number(row.cancel_requested) === 1 } : null;
}

/** Stores the end of a run `runner` holds; false (nothing written) when it is no longer its own. */
export async function finishRun(
  db: DB,
  orgId: string,
  id: string,
  runner: string,
  patch: RunPatch & { status: 'done' | 'cancelled' | 'failed'; finished_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('plan_runs')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('runner', '=', runner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Hands a run back to the queue when its process stops: queued again with its progress cleared, unless
 * a cancel was asked for (then the runner stores what it found, as for any cancel).
 */
export async function releaseRun(
  db: DB,
  orgId: string,
  id: string,
  runner: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('plan_runs')
    .set({
      status: 'queued',
      runner: null,
      schedules: 0,
      elapsed_ms: 0,
      best_lateness_hours: null,
      heartbeat_at: now,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('runner', '=', runner)
    .where('cancel_requested', '=', 0)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// ---------------------------------------------------------------- cancel

/** Cancels a run that has not started; false when it is no longer queued (it runs, or has ended). */
export async function cancelQueuedRun(
  db: DB,
  orgId: string,
  id: string,
  now: string,
  message: string,
): Promise<boolean> {
  const result = await db
    .updateTable('plan_runs')
    .set({ status: 'cancelled', cancel_requested: 1, message, finished_at: now, heartbeat_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Asks the runner of a running run, in whichever process, to stop at its next progress write. */
export async function requestCancel(db: DB, orgId: string, id: string): Promise<void> {
  await db
    .updateTable('plan_runs')
    .set({ cancel_requested: 1 })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

// ---------------------------------------------------------------- the sweep (every organization)

export interface QuietRun {
  id: string;
  org_id: string;
  status: 'queued' | 'running';
  heartbeat_at: string;
}

/**
 * Runs of every organization, queued or running, not heard from since `before` (a running run writes
 * its heartbeat every few seconds; a queued one's is when it was queued). This and failQuietRun are the
 * planner's only queries across organizations: the sweep acts for the whole installation.
 */
export async function listQuietRuns(db: DB, before: string): Promise<QuietRun[]> {
  const rows = await db
    .selectFrom('plan_runs')
    .select(['id', 'org_id', 'status', 'heartbeat_at'])
    .where('status', 'in', ['queued', 'running'])
    .where('heartbeat_at', '<', before)
    .orderBy('heartbeat_at')
    .limit(100)
    .execute();
  return rows.map((r) => ({ ...r, status: r.status === 'queued' ? 'queued' : 'running' }));
}

/** Fails a quiet run if it is still as quiet as when it was listed; true for the one process that did. */
export async function failQuietRun(
  db: DB,
  run: QuietRun,
  before: string,
  message: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('plan_runs')
    .set({ status: 'failed', message, finished_at: now })
    .where('org_id', '=', run.org_id)
    .where('id', '=', run.id)
    .where('status', '=', run.status)
    .where('heartbeat_at', '<', before)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
