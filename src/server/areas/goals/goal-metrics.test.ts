/**
 * One request with metrics of ±1e308 answered 500, was stored all the same, and
 * from then on the organization's main pages answered 500 for everyone. The rules checked here: metric
 * values beyond ±limits.maxMetric are refused with the field and nothing is stored; values stored before
 * the bounds still read (the pages answer 200 with progress in [0, 1]); and a goal whose answer cannot
 * be made is not kept (the write and the answer are one transaction).
 */
import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { limits } from '../../../core/limits';
import type { GoalDetail } from '../../../core/schemas/spine';
import { describeBackends } from '../../../test/backends';
import { changedTables, fingerprinter, type Fingerprint } from '../../../test/fingerprint';
import { makeWorld, type World } from '../../../test/world';
import { createGoal } from './create-goal';
import { updateGoal } from './update-goal';

const attack = { metricStart: -1e308, metricTarget: 1e308, metricCurrent: 1e308 };
const PAGES = ['/api/strategy', '/api/goals', '/api/home'];

/** A plugin that makes every read of one table fail: the answer to a write cannot be made. */
function failReadsOf(table: string): KyselyPlugin {
  return {
    transformQuery({ node }): RootOperationNode {
      if (node.kind === 'SelectQueryNode' && JSON.stringify(node.from).includes(`"name":"${table}"`))
        throw new Error(`reading ${table} fails (test)`);
      return node;
    },
    transformResult: async ({ result }) => result,
  };
}

/** A plugin that reads every goal's metric start back as NaN: an answer the response schema refuses. */
const readMetricsAsNaN: KyselyPlugin = {
  transformQuery: ({ node }) => node,
  transformResult: async ({ result }) => ({
    ...result,
    rows: result.rows.map((row) => ('metric_start' in row ? { ...row, metric_start: NaN } : row)),
  }),
};

describeBackends('goal metrics are bounded and cannot break the pages', (backend) => {
  let world: World;
  let fingerprint: () => Promise<Fingerprint>;
  let objectiveId: string;
  let ownedId: string;
  beforeAll(async () => {
    world = await makeWorld(backend);
    fingerprint = await fingerprinter(world.db);
    const owner = world.a.as.owner;
    objectiveId = (await owner.post<GoalDetail>('/api/goals', { kind: 'objective', title: 'Grow' })).body.id;
    // the finding's attacker: a member who owns a key result
    ownedId = (
      await owner.post<GoalDetail>('/api/goals', {
        kind: 'key_result',
        title: 'Revenue',
        parentId: objectiveId,
        ownerId: world.a.as.member.actor.personId,
        metricStart: 0,
        metricTarget: 100,
      })
    ).body.id;
  });
  afterAll(async () => world.close());

  async function expectPagesWork() {
    for (const client of [world.a.as.owner, world.a.as.member])
      for (const page of PAGES)
        expect({ page, status: (await client.get(page)).status }).toEqual({ page, status: 200 });
  }

  it('refuses a PATCH with metrics of ±1e308 with 400 on the field, stores nothing, and the pages still work', async () => {
    const before = await fingerprint();
    const res = await world.a.as.member.patch(`/api/goals/${ownedId}`, attack);
    expect(res.status).toBe(400);
    const error = (res.body as { error: { code: string; details: { issues: { field: string }[] } } }).error;
    expect(error.code).toBe('validation_failed');
    expect(error.details.issues.map((i) => i.field)).toEqual([
      'body.metricStart',
      'body.metricTarget',
      'body.metricCurrent',
    ]);
    expect(changedTables(before, await fingerprint())).toEqual([]);
    await expectPagesWork();
  });

  it('refuses a POST with metrics of ±1e308 with 400 and stores no goal', async () => {
    const before = await fingerprint();
    const res = await world.a.as.owner.post('/api/goals', {
      kind: 'objective',
      title: 'Overflow',
      ...attack,
    });
    expect(res.status).toBe(400);
    expect(changedTables(before, await fingerprint())).toEqual([]);
    await expectPagesWork();
  });

  it('refuses a check-in value beyond the bound, and accepts one at it', async () => {
    const over = await world.a.as.member.post(`/api/goals/${ownedId}/check-ins`, {
      value: limits.maxMetric * 10,
      confidence: 0.5,
    });
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({ error: { details: { issues: [{ field: 'body.value' }] } } });
    const at = await world.a.as.member.post(`/api/goals/${ownedId}/check-ins`, {
      value: limits.maxMetric,
      confidence: 0.5,
    });
    expect(at.status).toBe(201);
  });

  it('accepts the widest metric the bounds allow and measures it as a share in [0, 1]', async () => {
    const res = await world.a.as.member.patch<GoalDetail>(`/api/goals/${ownedId}`, {
      metricStart: -limits.maxMetric,
      metricTarget: limits.maxMetric,
      metricCurrent: 0,
    });
    expect(res.status).toBe(200);
    expect(res.body.progress).toBe(0.5);
    await expectPagesWork();
  });

  it('still reads a goal whose ±1e308 metrics were stored before the bounds existed', async () => {
    const legacy = (
      await world.a.as.owner.post<GoalDetail>('/api/goals', { kind: 'objective', title: 'Old' })
    ).body.id;
    await world.db.db
      .updateTable('goals')
      // metric-driven, as migration 0007 left every goal whose metric was complete
      .set({
        metric_start: attack.metricStart,
        metric_target: attack.metricTarget,
        metric_current: 1e308,
        progress_source: 'metric',
      })
      .where('id', '=', legacy)
      .execute();
    await expectPagesWork();
    const read = await world.a.as.owner.get<GoalDetail>(`/api/goals/${legacy}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ metricStart: -1e308, progress: 1 });
    // and its owner can repair it through the API
    const repaired = await world.a.as.owner.patch<GoalDetail>(`/api/goals/${legacy}`, {
      metricStart: 0,
      metricTarget: 10,
      metricCurrent: 5,
    });
    expect(repaired.body.progress).toBe(0.5);
  });

  it('keeps nothing of an edit whose answer cannot be made (no write left behind an error)', async () => {
    const before = await world.a.as.owner.get<GoalDetail>(`/api/goals/${ownedId}`);
    const failing = world.db.db.withPlugin(failReadsOf('check_ins'));
    await expect(
      updateGoal({ db: failing, clock: world.clock }, world.a.as.owner.actor, ownedId, { title: 'Changed' }),
    ).rejects.toThrow(/reading check_ins fails/);
    const after = await world.a.as.owner.get<GoalDetail>(`/api/goals/${ownedId}`);
    expect(after.body.title).toBe(before.body.title);
  });

  it('keeps nothing of an edit whose answer the response schema would refuse (NaN read back)', async () => {
    const before = await world.a.as.owner.get<GoalDetail>(`/api/goals/${ownedId}`);
    await expect(
      updateGoal(
        { db: world.db.db.withPlugin(readMetricsAsNaN), clock: world.clock },
        world.a.as.owner.actor,
        ownedId,
        {
          title: 'Changed too',
        },
      ),
    ).rejects.toThrow();
    const after = await world.a.as.owner.get<GoalDetail>(`/api/goals/${ownedId}`);
    expect(after.body.title).toBe(before.body.title);
  });

  it('keeps no goal whose answer cannot be made', async () => {
    const before = await fingerprint();
    const failing = world.db.db.withPlugin(failReadsOf('check_ins'));
    await expect(
      createGoal({ db: failing, clock: world.clock }, world.a.as.owner.actor, {
        kind: 'objective',
        title: 'Never kept',
        description: '',
        horizon: 'quarter',
        isStretch: false,
      }),
    ).rejects.toThrow(/reading check_ins fails/);
    expect(changedTables(before, await fingerprint())).toEqual([]);
  });
});
