/**
 * A key result counts one of its two figures, and says which: its metric (metric-driven) or its
 * linked work (work-driven). The story checked here: "Sell 3 packages (0 → 3)" is work-driven, an 80 h
 * project is linked to it, a member finishes 12 h → the key result, its objective, its pillar, the
 * strategy map and the home all read 15 %; switched to metric-driven it reads 0 % until a check-in
 * moves the metric, while both figures stay visible. The objective counts its key result's project.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { GoalDetail, StrategyNode } from '../../../core/schemas/spine';
import { describeBackends } from '../../../test/backends';
import { makeWorld, type World } from '../../../test/world';

type Created = { id: string };

function findNode(nodes: readonly StrategyNode[], id: string): StrategyNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}

describeBackends('key result progress: metric-driven or work-driven', (backend) => {
  let world: World;
  let pillarId: string;
  let objectiveId: string;
  let keyResultId: string;
  let projectId: string;
  const taskIds: string[] = [];

  beforeAll(async () => {
    world = await makeWorld(backend);
    const { owner, manager, member } = world.a.as;
    pillarId = (await owner.post<Created>('/api/pillars', { name: 'Growth' })).body.id;
    objectiveId = (
      await owner.post<Created>('/api/goals', { kind: 'objective', title: 'Grow the studio', pillarId })
    ).body.id;
    const kr = await owner.post<GoalDetail>('/api/goals', {
      kind: 'key_result',
      title: 'Sell 3 packages',
      parentId: objectiveId,
      ownerId: manager.actor.personId,
      dueDate: '2026-06-30',
      metricStart: 0,
      metricTarget: 3,
      metricUnit: 'packages',
      progressSource: 'work',
    });
    expect(kr.status).toBe(201);
    keyResultId = kr.body.id;
    projectId = (
      await manager.post<Created>('/api/projects', {
        name: 'Package launch',
        status: 'active',
        goalIds: [keyResultId],
      })
    ).body.id;
    // 80 h in all: the member will finish the first two (12 h)
    for (const [title, estimateHours] of [
      ['Brief', 4],
      ['Price sheet', 8],
      ['Landing page', 30],
      ['Outreach', 38],
    ] as const) {
      const task = await manager.post<Created>('/api/tasks', {
        title,
        projectId,
        estimateHours,
        assigneeId: member.actor.personId,
      });
      expect(task.status).toBe(201);
      taskIds.push(task.body.id);
    }
  });
  afterAll(async () => world.close());

  const goal = async (id: string) => (await world.a.as.member.get<GoalDetail>(`/api/goals/${id}`)).body;
  const strategy = async () =>
    (await world.a.as.member.get<{ pillars: StrategyNode[] }>('/api/strategy')).body.pillars;

  it('stores the owner, the due date and the chosen source of a new key result', async () => {
    const kr = await goal(keyResultId);
    expect(kr).toMatchObject({
      ownerId: world.a.as.manager.actor.personId,
      dueDate: '2026-06-30',
      progressSource: 'work',
      metricCurrent: 0,
      progress: 0, // 0 of 80 h done
    });
  });

  it('moves a work-driven key result, its objective and its pillar to 15 % when 12 of 80 h are done', async () => {
    for (const id of taskIds.slice(0, 2)) {
      const done = await world.a.as.member.patch(`/api/tasks/${id}`, { status: 'done' });
      expect(done.status).toBe(200);
    }
    const kr = await goal(keyResultId);
    expect(kr).toMatchObject({ progress: 0.15, metricProgress: 0, workProgress: 0.15 });
    expect(kr.workSummary).toEqual({ projects: 1, tasks: 4, doneTasks: 2, hours: 80, doneHours: 12 });
    expect((await goal(objectiveId)).progress).toBe(0.15);

    // every screen reads the same figure: the strategy map, the pillar list, the goal list, the home
    const map = await strategy();
    expect(findNode(map, pillarId)?.progress).toBe(0.15);
    expect(findNode(map, objectiveId)?.progress).toBe(0.15);
    expect(findNode(map, keyResultId)?.progress).toBe(0.15);
    expect(findNode(map, projectId)?.progress).toBe(0.15);
    const pillars = await world.a.as.member.get<{ items: { id: string; progress: number | null }[] }>(
      '/api/pillars',
    );
    expect(pillars.body.items.find((p) => p.id === pillarId)?.progress).toBe(0.15);
    const list = await world.a.as.member.get<{ items: { id: string; progress: number | null }[] }>(
      `/api/goals?parentId=${objectiveId}`,
    );
    expect(list.body.items.find((g) => g.id === keyResultId)?.progress).toBe(0.15);
    const home = await world.a.as.owner.get<{ leader: { objectives: { id: string; progress: number }[] } }>(
      '/api/home',
    );
    expect(home.body.leader.objectives.find((o) => o.id === objectiveId)?.progress).toBe(0.15);
  });

  it('counts the projects and tasks of its key results on the objective', async () => {
    const objective = await goal(objectiveId);
    expect(objective.projects).toEqual([]); // nothing is linked to the objective itself
    expect(objective.workSummary).toEqual({ projects: 1, tasks: 4, doneTasks: 2, hours: 80, doneHours: 12 });
    expect(objective.children[0]).toMatchObject({ id: keyResultId, progressSource: 'work', progress: 0.15 });
  });

  it('reads 0 % once switched to metric-driven, with the work still shown, until a check-in moves the metric', async () => {
    const before = await goal(keyResultId);
    const switched = await world.a.as.manager.patch<GoalDetail>(`/api/goals/${keyResultId}`, {
      progressSource: 'metric',
      version: before.version,
    });
    expect(switched.status).toBe(200);
    expect(switched.body).toMatchObject({
      progressSource: 'metric',
      progress: 0,
      metricProgress: 0,
      workProgress: 0.15,
    });
    expect((await goal(objectiveId)).progress).toBe(0);
    expect(findNode(await strategy(), pillarId)?.progress).toBe(0);

    const checkIn = await world.a.as.manager.post(`/api/goals/${keyResultId}/check-ins`, {
      value: 1,
      confidence: 0.6,
    });
    expect(checkIn.status).toBe(201);
    expect((await goal(keyResultId)).progress).toBeCloseTo(1 / 3);
    expect(findNode(await strategy(), objectiveId)?.progress).toBeCloseTo(1 / 3);
  });

  it('refuses a stale switch with 409 rather than overwrite', async () => {
    const current = await goal(keyResultId);
    const stale = await world.a.as.manager.patch(`/api/goals/${keyResultId}`, {
      progressSource: 'work',
      version: current.version - 1,
    });
    expect(stale.status).toBe(409);
    expect((await goal(keyResultId)).progressSource).toBe('metric');
  });

  it('gives a metric-driven key result without a target no progress, whatever work is done', async () => {
    const kr = await world.a.as.owner.post<GoalDetail>('/api/goals', {
      kind: 'key_result',
      title: 'Happier clients',
      parentId: objectiveId,
      progressSource: 'metric',
    });
    await world.a.as.manager.post('/api/tasks', { title: 'Survey', goalId: kr.body.id, status: 'done' });
    expect(await goal(kr.body.id)).toMatchObject({ progress: null, metricProgress: null, workProgress: 1 });
  });

  it('counts the metric when the caller gives a target and does not choose, and the work otherwise', async () => {
    const withTarget = await world.a.as.owner.post<GoalDetail>('/api/goals', {
      kind: 'key_result',
      title: 'NPS to 50',
      parentId: objectiveId,
      metricStart: 30,
      metricTarget: 50,
    });
    expect(withTarget.body.progressSource).toBe('metric');
    const without = await world.a.as.owner.post<GoalDetail>('/api/goals', {
      kind: 'key_result',
      title: 'Launch the kit',
      parentId: objectiveId,
    });
    expect(without.body.progressSource).toBe('work');
  });

  it('refuses a due date outside 2000–2099 or an unknown source with 400 on the field', async () => {
    for (const [body, field] of [
      [{ dueDate: '1999-12-31' }, 'body.dueDate'],
      [{ dueDate: '2100-01-01' }, 'body.dueDate'],
      [{ dueDate: '30/06/2026' }, 'body.dueDate'],
      [{ progressSource: 'vibes' }, 'body.progressSource'],
    ] as const) {
      const res = await world.a.as.owner.patch(`/api/goals/${keyResultId}`, body);
      expect(res.status).toBe(400);
      const issues = (res.body as { error: { details: { issues: { field: string }[] } } }).error.details
        .issues;
      expect(issues.length).toBeGreaterThan(0);
      expect(issues.map((i) => i.field)).toEqual(issues.map(() => field));
    }
    const cleared = await world.a.as.owner.patch<GoalDetail>(`/api/goals/${keyResultId}`, { dueDate: null });
    expect(cleared.body.dueDate).toBeNull();
  });
});
