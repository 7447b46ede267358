import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Home } from '../../../core/schemas/home';
import { describeBackends } from '../../../test/backends';
import { makeWorld, type World } from '../../../test/world';

type Body = Record<string, unknown> & { id: string };

describeBackends('home API', (backend) => {
  let world: World;
  let projectId: string;
  beforeAll(async () => {
    world = await makeWorld(backend);
    await world.a.as.owner.patch('/api/organization', { vision: 'The agency people choose to grow in' });
    const pillar = ((await world.a.as.owner.post('/api/pillars', { name: 'Growth' })).body as Body).id;
    const obj = (
      (
        await world.a.as.owner.post('/api/goals', {
          kind: 'objective',
          title: 'Grow revenue',
          pillarId: pillar,
        })
      ).body as Body
    ).id;
    const kr = (
      (
        await world.a.as.owner.post('/api/goals', {
          kind: 'key_result',
          title: 'Nobody works on this',
          parentId: obj,
        })
      ).body as Body
    ).id;
    await world.a.as.owner.post(`/api/goals/${kr}/check-ins`, { confidence: 0.6 });
    projectId = (
      (
        await world.a.as.owner.post('/api/projects', {
          name: 'Retail pitch',
          managerId: world.a.as.manager.actor.personId,
          status: 'active',
        })
      ).body as Body
    ).id;
    const member = world.a.as.member.actor.personId;
    await world.a.as.owner.post('/api/tasks', {
      projectId,
      title: 'Late research',
      deadline: '2026-02-20',
      assigneeId: member,
    });
    await world.a.as.owner.post('/api/tasks', { projectId, title: 'Deck due soon', deadline: '2026-03-10' });
    await world.a.as.owner.post('/api/tasks', {
      projectId,
      title: 'Done already',
      status: 'done',
      assigneeId: member,
    });
  });
  afterAll(async () => world.close());

  it('shows leaders the vision, pillars, objectives and goals without work', async () => {
    const home = (await world.a.as.leader.get('/api/home')).body as Home;
    expect(home.role).toBe('leader');
    expect(home.leader).toMatchObject({
      vision: 'The agency people choose to grow in',
      pillars: [{ name: 'Growth', objectiveCount: 1 }],
      peopleCount: 4,
    });
    expect(home.leader!.objectives).toMatchObject([{ title: 'Grow revenue', lastConfidence: 0.6 }]); // from its key result
    expect(home.leader!.goalsWithoutWork.map((g) => g.title)).toEqual(['Nobody works on this']);
    expect(home.manager).toBeNull();
  });

  it('shows managers their projects, overdue work, upcoming deadlines and unassigned tasks', async () => {
    const home = (await world.a.as.manager.get('/api/home')).body as Home;
    expect(home.leader).toBeNull();
    expect(home.manager!.projects).toMatchObject([{ id: projectId, lateCount: 1, openCount: 2 }]);
    expect(home.manager!.overdue.map((t) => t.title)).toEqual(['Late research']);
    expect(home.manager!.upcomingDeadlines.map((t) => t.title)).toEqual(['Deck due soon']);
    expect(home.manager!.unassignedCount).toBe(1);
  });

  it('shows members their own open tasks, late ones flagged, and keeps other organizations out', async () => {
    const home = (await world.a.as.member.get('/api/home')).body as Home;
    expect(home.leader).toBeNull();
    expect(home.manager).toBeNull();
    expect(home.member.myTasks).toMatchObject([
      { title: 'Late research', isLate: true, projectName: 'Retail pitch' },
    ]);
    expect(home.member.doneThisWeek).toBe(1);
    const other = (await world.b.as.owner.get('/api/home')).body as Home;
    expect(JSON.stringify(other)).not.toContain('Retail pitch');
    expect(other.leader!.objectives).toEqual([]);
  });

  it('shows a member what the schedule has them do this week, with the workload heatmap’s hours', async () => {
    const member = world.a.as.member;
    // Monday 2 March: 12 h over Wednesday to Friday, and 10 h next week that do not count
    await world.a.as.owner.post('/api/tasks', {
      projectId,
      title: 'Storyboard',
      estimateHours: 12,
      assigneeId: member.actor.personId,
      plannedStart: '2026-03-04',
      plannedEnd: '2026-03-06',
    });
    await world.a.as.owner.post('/api/tasks', {
      projectId,
      title: 'Next week',
      estimateHours: 10,
      assigneeId: member.actor.personId,
      plannedStart: '2026-03-09',
      plannedEnd: '2026-03-10',
    });
    const home = (await member.get<Home>('/api/home')).body;
    expect(home.member.week).toMatchObject({
      weekStart: '2026-03-02',
      plannedHours: 12,
      capacityHours: 40,
      tasks: [{ title: 'Storyboard', hours: 12, start: '2026-03-04', finish: '2026-03-06' }],
    });
    const workload = await world.a.as.owner.get<{ people: { personId: string; planned: number[] }[] }>(
      '/api/workload?weeks=2',
    );
    const row = workload.body.people.find((p) => p.personId === member.actor.personId)!;
    expect(row.planned).toEqual([12, 10]);
  });
});
