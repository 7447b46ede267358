import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/backends';
import { makeWorld, type World } from '../../../test/world';

type Body = Record<string, unknown> & { id: string };

describeBackends('goal decomposition API', (backend) => {
  let world: World;
  let objective: string;
  let kr: string;
  beforeAll(async () => {
    world = await makeWorld(backend);
    objective = (
      (await world.a.as.leader.post('/api/goals', { kind: 'objective', title: 'Win two retail clients' }))
        .body as Body
    ).id;
    kr = (
      (
        await world.a.as.leader.post('/api/goals', {
          kind: 'key_result',
          title: 'Two pitches won',
          parentId: objective,
        })
      ).body as Body
    ).id;
  });
  afterAll(async () => world.close());

  it('creates linked projects with their tasks and direct tasks in one request', async () => {
    const res = await world.a.as.manager.post(`/api/goals/${kr}/decompose`, {
      projects: [
        {
          name: 'Pitch: Acme Retail',
          deadline: '2026-04-01',
          tasks: [
            { title: 'Research', estimateHours: 6 },
            { title: 'Deck', estimateHours: 10 },
          ],
        },
      ],
      tasks: [{ title: 'List target retailers', estimateHours: 2 }],
    });
    expect(res.status).toBe(201);
    const body = res.body as { projects: Body[]; tasks: Body[] };
    expect(body.projects).toHaveLength(1);
    expect(body.projects[0]).toMatchObject({
      name: 'Pitch: Acme Retail',
      goalIds: [kr],
      managerId: world.a.as.manager.actor.personId,
      taskCount: 2,
      status: 'active',
    });
    expect(body.tasks.map((t) => t.title)).toEqual(['Research', 'Deck', 'List target retailers']);
    expect(body.tasks[0]).toMatchObject({
      projectId: body.projects[0]!.id,
      deadline: '2026-04-01',
      status: 'todo',
    });
    expect(body.tasks[2]).toMatchObject({ projectId: null, goalId: kr });
    const goal = await world.a.as.member.get(`/api/goals/${kr}`);
    expect(goal.body).toMatchObject({
      progress: 0,
      projects: [{ id: body.projects[0]!.id }],
      tasks: [{ title: 'List target retailers' }],
    });
  });

  it('completing the work moves the objective on the strategy map', async () => {
    const obj = (
      (await world.a.as.leader.post('/api/goals', { kind: 'objective', title: 'Ship the new site' }))
        .body as Body
    ).id;
    const made = (
      await world.a.as.leader.post(`/api/goals/${obj}/decompose`, {
        projects: [{ name: 'Site', tasks: [{ title: 'Build', estimateHours: 4 }] }],
      })
    ).body as {
      tasks: Body[];
    };
    const before = (await world.a.as.leader.get('/api/strategy')).body as {
      unaligned: { id: string; progress: number | null }[];
    };
    expect(before.unaligned.find((n) => n.id === obj)!.progress).toBe(0);
    expect(
      (await world.a.as.leader.patch(`/api/tasks/${made.tasks[0]!.id}`, { status: 'done' })).status,
    ).toBe(200);
    const after = (await world.a.as.leader.get('/api/strategy')).body as {
      unaligned: { id: string; progress: number | null }[];
    };
    expect(after.unaligned.find((n) => n.id === obj)!.progress).toBe(1);
  });

  it('rejects bad input with the field, foreign ids with 400, other organizations with 404 and members with 403', async () => {
    const empty = await world.a.as.manager.post(`/api/goals/${kr}/decompose`, {});
    expect(empty.status).toBe(400);
    const noName = await world.a.as.manager.post(`/api/goals/${kr}/decompose`, { projects: [{ name: '' }] });
    expect(noName.status).toBe(400);
    expect(noName.body).toMatchObject({
      error: { details: { issues: [{ field: 'body.projects.0.name' }] } },
    });
    const foreign = await world.a.as.manager.post(`/api/goals/${kr}/decompose`, {
      projects: [{ name: 'x', tasks: [{ title: 't', assigneeId: world.b.as.member.actor.personId }] }],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({
      error: { details: { issues: [{ field: 'body.projects.0.tasks.0.assigneeId' }] } },
    });
    expect(
      (await world.b.as.owner.post(`/api/goals/${kr}/decompose`, { tasks: [{ title: 'x' }] })).status,
    ).toBe(404);
    expect(
      (await world.a.as.member.post(`/api/goals/${kr}/decompose`, { tasks: [{ title: 'x' }] })).status,
    ).toBe(403);
  });
});
