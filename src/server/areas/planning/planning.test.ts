import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PlanProposal, PlanRun } from '../../../core/schemas/planning';
import type { Project, Task } from '../../../core/schemas/work';
import { describeBackends } from '../../../test/backends';
import { makeWorld, type Client, type World } from '../../../test/world';

interface ErrorBody {
  error: { code: string; message: string; details?: { issues?: { field: string; reason: string }[] } };
}
interface Page<T> {
  items: T[];
  total: number;
}

const tag = () => Math.random().toString(36).slice(2, 8);

describeBackends('planning API', (backend) => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld(backend);
  });
  afterAll(async () => world.close());

  const owner = () => world.a.as.owner;
  const manager = () => world.a.as.manager;

  async function waitForRun(client: Client, id: string): Promise<PlanRun> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const res = await client.get<PlanRun>(`/api/plan-runs/${id}`);
      expect(res.status).toBe(200);
      if (res.body.status !== 'queued' && res.body.status !== 'running') return res.body;
      if (Date.now() > deadline) throw new Error(`run ${id} still ${res.body.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function plan(client: Client, body: Record<string, unknown>): Promise<PlanRun> {
    const res = await client.post<PlanRun>('/api/plan-runs', { timeLimitMs: 1000, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    return waitForRun(client, res.body.id);
  }

  async function proposals(client: Client, runId: string): Promise<PlanProposal[]> {
    const res = await client.get<Page<PlanProposal>>(`/api/plan-runs/${runId}/proposals`);
    expect(res.status).toBe(200);
    return res.body.items;
  }

  /** A project of A's manager: Ana (Illustration 4, wants 5) and Ben (Illustration 3, dearer); three tasks. */
  async function scenario() {
    const skill = (await owner().post<{ id: string }>('/api/skills', { name: `Illustration ${tag()}` })).body
      .id;
    const ana = (
      await owner().post<{ id: string }>('/api/people', {
        name: `Ana ${tag()}`,
        capacityHoursPerWeek: 40,
        costRate: 50,
        skills: [{ skillId: skill, level: 4 }],
        growthGoals: [{ skillId: skill, targetLevel: 5 }],
      })
    ).body;
    const ben = (
      await owner().post<{ id: string }>('/api/people', {
        name: `Ben ${tag()}`,
        capacityHoursPerWeek: 40,
        costRate: 90,
        skills: [{ skillId: skill, level: 3 }],
      })
    ).body;
    const project = (
      await owner().post<Project>('/api/projects', {
        name: `Campaign ${tag()}`,
        managerId: manager().actor.personId,
        status: 'active',
        deadline: '2026-03-20',
      })
    ).body;
    const task = async (body: Record<string, unknown>) => {
      const res = await manager().post<Task>('/api/tasks', {
        projectId: project.id,
        skillId: skill,
        ...body,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    const sketch = await task({ title: 'Sketches', estimateHours: 16, minLevel: 3, deadline: '2026-03-04' });
    const final = await task({ title: 'Final art', estimateHours: 16, minLevel: 3, dependsOn: [sketch.id] });
    const master = await task({ title: 'Master plate', estimateHours: 8, minLevel: 5 });
    return { skill, ana, ben, project, sketch, final, master };
  }

  it('plans a project in the background: proposals with reasons, figures, and a task nobody can do', async () => {
    const s = await scenario();
    const run = await plan(manager(), { projectIds: [s.project.id] });
    expect(run.status).toBe('done');
    expect(run.scope.projectNames).toEqual([s.project.name]);
    expect(run.taskCount).toBe(3);
    expect(run.unplaceableCount).toBe(1);
    expect(run.figures?.current.unplannedTasks).toBe(3);
    expect(run.figures?.proposed.plannedTasks).toBe(2);
    expect(run.figures?.proposed.overloadHours).toBe(0);
    expect(run.issues.map((i) => i.message).join(' ')).toMatch(/Master plate.*cannot be planned/);

    const rows = await proposals(manager(), run.id);
    const byTitle = new Map(rows.map((r) => [r.title, r]));
    const master = byTitle.get('Master plate')!;
    expect(master.proposed).toBeNull();
    expect(master.unplaceable).toMatch(
      /Nobody has Illustration \w+ at level 5 or above \(the best is Ana \w+ at 4\/5\)/,
    );
    const sketch = byTitle.get('Sketches')!;
    expect(sketch.proposed).toMatchObject({ start: '2026-03-02', end: '2026-03-03' });
    expect(['Ana', 'Ben'].some((n) => sketch.proposed!.personName!.startsWith(n))).toBe(true);
    expect(sketch.isChanged).toBe(true);
    expect(sketch.headline).toMatch(/: has Illustration \w+ [34]\/5, free from Mon 2 Mar/);
    const final = byTitle.get('Final art')!;
    expect(final.proposed!.start).toBe('2026-03-04');
    expect(final.reasons.join(' ')).toMatch(/waits for “Sketches”, planned to finish on Tue 3 Mar/i);

    const changed = await manager().get<Page<PlanProposal>>(
      `/api/plan-runs/${run.id}/proposals?changedOnly=true`,
    );
    expect(changed.body.total).toBe(3); // two changes and one task that cannot be placed
  });

  it('applies the chosen rows in one transaction and leaves the rest applicable', async () => {
    const s = await scenario();
    const run = await plan(manager(), { projectIds: [s.project.id] });
    const rows = await proposals(manager(), run.id);
    const sketch = rows.find((r) => r.title === 'Sketches')!;
    const first = await manager().post<{ applied: number; run: PlanRun }>(`/api/plan-runs/${run.id}/apply`, {
      taskIds: [sketch.taskId],
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.applied).toBe(1);
    const task = (await manager().get<Task>(`/api/tasks/${sketch.taskId}`)).body;
    expect(task).toMatchObject({
      assigneeId: sketch.proposed!.personId,
      plannedStart: sketch.proposed!.start,
      plannedEnd: sketch.proposed!.end,
    });
    const untouched = (await manager().get<Task>(`/api/tasks/${s.final.id}`)).body;
    expect(untouched.assigneeId).toBeNull();

    const rest = await manager().post<{ applied: number; run: PlanRun }>(
      `/api/plan-runs/${run.id}/apply`,
      {},
    );
    expect(rest.status, JSON.stringify(rest.body)).toBe(200);
    expect(rest.body.applied).toBe(1);
    expect(rest.body.run.appliedCount).toBe(2);
    expect((await manager().get<Task>(`/api/tasks/${s.final.id}`)).body.plannedStart).toBe('2026-03-04');
  });

  it('reads an applied plan as it was proposed: hours laid on days as the planner laid them', async () => {
    // one person; A (36 h) fills Monday to Friday noon, B (12 h) takes Friday afternoon and all of
    // Monday, C (2 h, due Friday) ends Tuesday at 10: spread evenly over its dates, B would put 6 h on
    // Friday (42 h that week) and C would count two whole days late
    const skill = (await owner().post<{ id: string }>('/api/skills', { name: `Layout ${tag()}` })).body.id;
    const solo = (
      await owner().post<{ id: string }>('/api/people', {
        name: `Solo ${tag()}`,
        capacityHoursPerWeek: 40,
        skills: [{ skillId: skill, level: 3 }],
      })
    ).body;
    const project = (
      await owner().post<Project>('/api/projects', {
        name: `Layout ${tag()}`,
        managerId: manager().actor.personId,
        status: 'active',
      })
    ).body;
    const task = async (body: Record<string, unknown>) =>
      (await manager().post<Task>('/api/tasks', { projectId: project.id, skillId: skill, ...body })).body;
    const a = await task({ title: 'A', estimateHours: 36 });
    const b = await task({ title: 'B', estimateHours: 12, dependsOn: [a.id] });
    const c = await task({ title: 'C', estimateHours: 2, dependsOn: [b.id], deadline: '2026-03-06' });

    const weekOf = async () => {
      const res = await owner().get<{ people: { personId: string; planned: number[] }[] }>(
        '/api/workload?from=2026-03-02&weeks=2',
      );
      expect(res.status).toBe(200);
      return res.body.people.find((p) => p.personId === solo.id)!.planned;
    };
    const first = await plan(manager(), { projectIds: [project.id] });
    expect(first.figures?.proposed).toMatchObject({ overloadHours: 0, lateTasks: 1, latenessHours: 10 });
    const applied = await manager().post<{ applied: number }>(`/api/plan-runs/${first.id}/apply`, {});
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.applied).toBe(3);
    expect((await manager().get<Task>(`/api/tasks/${b.id}`)).body).toMatchObject({
      plannedStart: '2026-03-06',
      plannedEnd: '2026-03-09',
    });
    expect(await weekOf()).toEqual([40, 10]);
    const again = await plan(manager(), { projectIds: [project.id] });
    expect(again.figures?.current).toEqual(first.figures?.proposed);

    // once B's hours change, its stored layout no longer describes it: spread evenly again
    expect((await manager().patch(`/api/tasks/${b.id}`, { estimateHours: 14 })).status).toBe(200);
    expect(await weekOf()).toEqual([43, 9]);
    // a task with a stored layout can still be deleted (the layout goes with it)
    expect((await manager().delete(`/api/tasks/${c.id}`)).status).toBe(200);
    expect(await weekOf()).toEqual([43, 7]);
  });

  it('refuses a plan made from data that has changed since, and writes nothing', async () => {
    const s = await scenario();
    const run = await plan(manager(), { projectIds: [s.project.id] });
    const edit = await manager().patch<Task>(`/api/tasks/${s.final.id}`, { estimateHours: 40 });
    expect(edit.status).toBe(200);
    const res = await manager().post<ErrorBody>(`/api/plan-runs/${run.id}/apply`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(
      /out of date: since it was made, 1 task changed.*“Final art”.*Nothing was applied/,
    );
    const sketch = (await manager().get<Task>(`/api/tasks/${s.sketch.id}`)).body;
    expect(sketch.assigneeId).toBeNull();
    expect(sketch.plannedStart).toBeNull();
  });

  it('refuses a plan once a person’s time off changes', async () => {
    const s = await scenario();
    const run = await plan(manager(), { projectIds: [s.project.id] });
    const off = await owner().post(`/api/people/${s.ana.id}/time-off`, {
      startDate: '2026-03-09',
      endDate: '2026-03-10',
    });
    expect(off.status).toBe(201);
    const res = await manager().post<ErrorBody>(`/api/plan-runs/${run.id}/apply`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/capacity, skills, goals or time off changed/);
  });

  it('keeps pinned tasks and in-progress assignees', async () => {
    const s = await scenario();
    await manager().patch(`/api/tasks/${s.sketch.id}`, {
      assigneeId: s.ben.id,
      plannedStart: '2026-03-05',
      plannedEnd: '2026-03-06',
      pinned: true,
    });
    await manager().patch(`/api/tasks/${s.final.id}`, { assigneeId: s.ben.id, status: 'doing' });
    const run = await plan(manager(), { projectIds: [s.project.id] });
    const rows = await proposals(manager(), run.id);
    const sketch = rows.find((r) => r.title === 'Sketches')!;
    expect(sketch.isPinned).toBe(true);
    expect(sketch.isChanged).toBe(false);
    expect(sketch.headline).toMatch(/^Pinned: stays with Ben \w+, from Thu 5 Mar/);
    const final = rows.find((r) => r.title === 'Final art')!;
    expect(final.proposed!.personId).toBe(s.ben.id);
    expect(final.proposed!.start).toBe('2026-03-09');
    expect(final.reasons.join(' ')).toMatch(/Ben \w+ is already working on it/);
  });

  it('cancels a run and keeps the best plan found so far', async () => {
    const s = await scenario();
    const res = await manager().post<PlanRun>('/api/plan-runs', {
      projectIds: [s.project.id],
      timeLimitMs: 30_000,
    });
    expect(res.status).toBe(202);
    const cancel = await manager().post<PlanRun>(`/api/plan-runs/${res.body.id}/cancel`);
    expect(cancel.status).toBe(200);
    const run = await waitForRun(manager(), res.body.id);
    expect(['cancelled', 'done']).toContain(run.status);
    const again = await manager().post<ErrorBody>(`/api/plan-runs/${res.body.id}/cancel`);
    expect(again.status).toBe(409);
  });

  // --- authorization

  it('members cannot plan, see runs or apply', async () => {
    const s = await scenario();
    const res = await world.a.as.member.post<ErrorBody>('/api/plan-runs', { projectIds: [s.project.id] });
    expect(res.status).toBe(403);
    const run = await plan(manager(), { projectIds: [s.project.id] });
    expect((await world.a.as.member.get(`/api/plan-runs/${run.id}`)).status).toBe(403);
    expect((await world.a.as.member.post(`/api/plan-runs/${run.id}/apply`, {})).status).toBe(403);
    expect((await world.a.as.member.get('/api/plan-runs')).status).toBe(403);
  });

  it('managers plan only the projects they manage, never the whole organization', async () => {
    const other = (await owner().post<Project>('/api/projects', { name: `Other ${tag()}` })).body;
    const res = await manager().post<ErrorBody>('/api/plan-runs', { projectIds: [other.id] });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/managed by someone else/);
    const whole = await manager().post<ErrorBody>('/api/plan-runs', {});
    expect(whole.status).toBe(403);
    const leader = await world.a.as.leader.post<PlanRun>('/api/plan-runs', { timeLimitMs: 500 });
    expect(leader.status).toBe(202);
    expect(leader.body.scope.projectIds).toBeNull();
    await waitForRun(world.a.as.leader, leader.body.id);
    // a manager does not see a leader's run
    expect((await manager().get(`/api/plan-runs/${leader.body.id}`)).status).toBe(403);
  });

  it('answers 404 for another organization’s run and 400 for its projects', async () => {
    const s = await scenario();
    const run = await plan(manager(), { projectIds: [s.project.id] });
    expect((await world.b.as.owner.get(`/api/plan-runs/${run.id}`)).status).toBe(404);
    expect((await world.b.as.owner.post(`/api/plan-runs/${run.id}/apply`, {})).status).toBe(404);
    const foreign = await world.b.as.owner.post<ErrorBody>('/api/plan-runs', { projectIds: [s.project.id] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details?.issues?.[0]?.field).toBe('body.projectIds.0');
  });

  it('validates the body with the field at fault', async () => {
    const res = await owner().post<ErrorBody>('/api/plan-runs', { timeLimitMs: 10 });
    expect(res.status).toBe(400);
    expect(res.body.error.details?.issues?.[0]?.field).toBe('body.timeLimitMs');
    const empty = await owner().post<ErrorBody>('/api/plan-runs', { projectIds: [] });
    expect(empty.status).toBe(400);
    const s = await scenario();
    const run = await plan(manager(), { projectIds: [s.project.id] });
    const bad = await manager().post<ErrorBody>(`/api/plan-runs/${run.id}/apply`, { taskIds: ['nope'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.issues?.[0]).toEqual({
      field: 'body.taskIds.0',
      reason: 'not a task of this plan',
    });
  });
});
