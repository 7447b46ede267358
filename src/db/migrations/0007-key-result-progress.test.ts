/**
 * Goals stored before the choice existed keep the figure they showed: a complete metric (start,
 * target and current set, target ≠ start) made them count the metric, anything else the work.
 */
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest } from '../migrate';
import type { Database } from '../schema';

it('backfills metric-driven for goals with a complete metric and work-driven for the rest', async () => {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
  await migrateToLatest(db as Kysely<unknown>, '0006-record-versions');
  const now = '2026-03-02T09:00:00.000Z';
  await db
    .insertInto('organizations')
    .values({ id: 'o1', name: 'O', vision: '', vision_horizon: '', created_at: now })
    .execute();
  const metrics: Record<string, [number | null, number | null, number | null]> = {
    complete: [0, 3, 1],
    decreasing: [18, 8, 18],
    noCurrent: [0, 3, null],
    noTarget: [0, null, 0],
    degenerate: [5, 5, 5],
    none: [null, null, null],
  };
  for (const [id, [start, target, current]] of Object.entries(metrics)) {
    // the row as migration 0006 knew it: no progress_source, no due_date yet
    await (db as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .insertInto('goals')
      .values({
        id,
        org_id: 'o1',
        kind: 'key_result',
        title: id,
        horizon: 'quarter',
        metric_start: start,
        metric_target: target,
        metric_current: current,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  await migrateToLatest(db as Kysely<unknown>);
  const rows = await db
    .selectFrom('goals')
    .select(['id', 'progress_source', 'due_date'])
    .orderBy('id')
    .execute();
  expect(Object.fromEntries(rows.map((r) => [r.id, r.progress_source]))).toEqual({
    complete: 'metric',
    decreasing: 'metric',
    noCurrent: 'work',
    noTarget: 'work',
    degenerate: 'work',
    none: 'work',
  });
  expect(rows.every((r) => r.due_date === null)).toBe(true);
  await db.destroy();
});
