import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ProjectBudget, ProjectForecast, Workload } from '../../../core/schemas/planning';
import type { Project, Task } from '../../../core/schemas/work';
import { describeBackends } from '../../../test/backends';
import { expectPaging } from '../../../test/paging';
import { makeWorld, type World } from '../../../test/world';

const tag = () => Math.random().toString(36).slice(2, 8);

describeBackends('workload, forecasts and budgets', (backend) => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld(backend); // today: Monday 2 March 2026
  });
  afterAll(async () => world.close());
  const owner = () => world.a.as.owner;

  /**
   * By hand: Ana (50 cost, 100 bill, 40 h) and Ben (80, 160, 20 h). A project with 100 h and 5,000
   * budgeted: a done task (10 h estimated, 12 logged by Ana), Ana's task in progress (20 h, 5 logged,
   * planned this week) and an unassigned 8-hour task both could do.
   */
  async function scenario() {
    const skill = (await owner().post<{ id: string }>('/api/skills', { name: `Design ${tag()}` })).body.id;
    const person = async (name: string, costRate: number, billRate: number, capacityHoursPerWeek: number) =>
      (
        await owner().post<{ id: string }>('/api/people', {
          name: `${name} ${tag()}`,
          costRate,
          billRate,
          capacityHoursPerWeek,
          skills: [{ skillId: skill, level: 3 }],
        })
      ).body.id;
    const ana = await person('Ana', 50, 100, 40);
    const ben = await person('Ben', 80, 160, 20);
    const project = (
      await owner().post<Project>('/api/projects', {
        name: `Budgeted ${tag()}`,
        managerId: world.a.as.manager.actor.personId,
        status: 'active',
        startDate: '2026-02-02',
        deadline: '2026-03-13',
        budgetHours: 100,
        budgetMoney: 5000,
      })
    ).body;
    const make = async (body: Record<string, unknown>) => {
      const res = await owner().post<Task>('/api/tasks', {
        projectId: project.id,
        skillId: skill,
        minLevel: 2,
        ...body,
      });
      expect(res.status).toBe(201);
      return res.body;
    };
    const done = await make({ title: 'Moodboard', estimateHours: 10, assigneeId: ana });
    await owner().post(`/api/tasks/${done.id}/time-entries`, {
      personId: ana,
      hours: 12,
      date: '2026-02-16',
    });
    await owner().patch(`/api/tasks/${done.id}`, { status: 'done' });
    const doing = await make({
      title: 'Key visual',
      estimateHours: 20,
      assigneeId: ana,
      status: 'doing',
      plannedStart: '2026-03-02',
      plannedEnd: '2026-03-06',
    });
    await owner().post(`/api/tasks/${doing.id}/time-entries`, {
      personId: ana,
      hours: 5,
      date: '2026-02-25',
    });
    const open = await make({ title: 'Banner set', estimateHours: 8 });
    return { skill, ana, ben, project, done, doing, open };
  }

  it('computes a project budget that matches the hand-computed figures', async () => {
    const s = await scenario();
    const res = await world.a.as.manager.get<ProjectBudget>(`/api/projects/${s.project.id}/budget`);
    expect(res.status).toBe(200);
    const b = res.body;
    expect(b.logged).toEqual({ hours: 17, cost: 850, bill: 1700 });
    // 15 h left for Ana at 50; 8 unassigned hours at the mean of Ana and Ben (65 cost, 130 bill)
    expect(b.remaining).toEqual({ hours: 23, cost: 1270, bill: 2540 });
    expect(b.atCompletion).toEqual({ hours: 40, cost: 2120, bill: 4240 });
    // the history: one done task at 12/10 = 1.2
    expect(b.adjustedAtCompletion).toEqual({ hours: 44.6, cost: 2374, bill: 4748, ratio: 1.2 });
    expect(b.burn).toBe(0.17);
    // three weeks since the first entry: 850 over 3 weeks; 4,150 left → 102.5 days → Saturday 13 June
    expect(b.pace).toEqual({ hoursPerWeek: 5.7, costPerWeek: 283, weeks: 3 });
    expect(b.runOut).toMatchObject({ date: '2026-06-13', basis: 'money', isExhausted: false });
    expect(b.series.at(-1)).toMatchObject({ plannedHours: 40, plannedCost: 2120 });
  });

  it('forecasts the deadline from the plan and the history of estimates against actuals', async () => {
    const s = await scenario();
    const res = await world.a.as.manager.get<ProjectForecast>(`/api/projects/${s.project.id}/forecast`);
    expect(res.status).toBe(200);
    // 15 h × 1.2 from Monday and 8 h × 1.2 unassigned: done by Wednesday at that pace, but the work is
    // planned over Monday to Friday and the forecast never promises earlier than the plan's dates;
    // the deadline is Friday the 13th
    expect(res.body).toMatchObject({
      probability: 1,
      p50: '2026-03-06',
      planEnd: '2026-03-06',
      againstPlan: [],
      openTasks: 2,
      unplannedTasks: 1,
    });
    expect(res.body.basis).toMatchObject({ kind: 'organization', medianRatio: 1.2 });
    const list = await world.a.as.manager.get<{ items: { projectId: string }[] }>('/api/forecasts');
    expect(list.body.items.map((i) => i.projectId)).toContain(s.project.id);
    const budgets = await world.a.as.manager.get<{ items: { projectId: string }[] }>('/api/budgets');
    expect(budgets.body.items.map((i) => i.projectId)).toContain(s.project.id);
  });

  it('pages the forecasts and the budgets, counting every live project, and answers 400 for a limit out of range', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await owner().post<Project>('/api/projects', {
        name: `Paged ${i} ${tag()}`,
        managerId: world.a.as.manager.actor.personId,
        status: 'active',
        budgetHours: 10 * (i + 1),
      });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    for (const path of [
      '/api/forecasts',
      '/api/budgets',
      '/api/forecasts?scope=all',
      '/api/budgets?scope=all',
    ])
      await expectPaging(world.a.as.manager, path, { includes: ids, key: 'projectId' });
  });

  it('shows the workload of each person per week against capacity, and skill demand against supply', async () => {
    const s = await scenario();
    const res = await world.a.as.manager.get<Workload>('/api/workload?from=2026-03-02&weeks=2');
    expect(res.status).toBe(200);
    expect(res.body.weeks).toEqual(['2026-03-02', '2026-03-09']);
    const ana = res.body.people.find((p) => p.personId === s.ana)!;
    expect(ana).toMatchObject({ planned: [15, 0], capacity: [40, 40], taskCount: [1, 0] });
    const ben = res.body.people.find((p) => p.personId === s.ben)!;
    expect(ben.capacity).toEqual([20, 20]);
    const skill = res.body.skills.find((k) => k.skillId === s.skill)!;
    expect(skill).toMatchObject({ demand: [15, 0], supply: [60, 60], unscheduledHours: 8 });
  });

  it('answers 403 to members, 404 for another organization’s project and 400 for a foreign team', async () => {
    const s = await scenario();
    for (const path of [
      '/api/workload',
      `/api/projects/${s.project.id}/forecast`,
      `/api/projects/${s.project.id}/budget`,
      '/api/forecasts',
      '/api/budgets',
    ])
      expect((await world.a.as.member.get(path)).status, path).toBe(403);
    expect((await world.b.as.owner.get(`/api/projects/${s.project.id}/forecast`)).status).toBe(404);
    expect((await world.b.as.owner.get(`/api/projects/${s.project.id}/budget`)).status).toBe(404);
    const team = await world.b.as.owner.post<{ id: string }>('/api/teams', { name: `T ${tag()}` });
    const bad = await owner().get<{ error: { details: { issues: { field: string }[] } } }>(
      `/api/workload?teamId=${team.body.id}`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0]!.field).toBe('querystring.teamId');
    expect((await owner().get('/api/workload?weeks=99')).status).toBe(400);
  });
});
