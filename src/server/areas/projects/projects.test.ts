import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Project, Task } from '../../../core/schemas/work';
import { describeBackends } from '../../../test/backends';
import { makeWorld, type Client, type World } from '../../../test/world';

interface ErrorBody {
  error: { code: string; message: string; details?: { issues?: { field: string; reason: string }[] } };
}

describeBackends('projects API', (backend) => {
  let world: World;
  let counter = 0;
  beforeAll(async () => {
    world = await makeWorld(backend);
  });
  afterAll(async () => world.close());

  /** A fresh project (made by A's owner unless another client is given). */
  async function makeProject(body: Record<string, unknown> = {}, as?: Client): Promise<Project> {
    const res = await (as ?? world.a.as.owner).post<Project>('/api/projects', {
      name: `Project ${++counter}`,
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body;
  }
  async function makeTask(projectId: string, body: Record<string, unknown> = {}): Promise<Task> {
    const res = await world.a.as.owner.post<Task>('/api/tasks', {
      title: `Task ${++counter}`,
      projectId,
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body;
  }
  async function makeGoal(as: Client = world.a.as.owner): Promise<string> {
    const res = await as.post<{ id: string }>('/api/goals', {
      kind: 'objective',
      title: `Goal ${++counter}`,
    });
    expect(res.status).toBe(201);
    return res.body.id;
  }
  const issueFields = (body: unknown) =>
    ((body as ErrorBody).error.details?.issues ?? []).map((issue) => issue.field);

  it('creates a project with its goal links and reads it back', async () => {
    const goalId = await makeGoal();
    const client = await world.a.as.owner.post<{ id: string }>('/api/clients', {
      name: `Client ${++counter}`,
    });
    expect(client.status).toBe(201);
    const res = await world.a.as.manager.post<Project>('/api/projects', {
      name: 'Website relaunch',
      clientId: client.body.id,
      startDate: '2026-03-01',
      deadline: '2026-06-30',
      budgetHours: 400,
      budgetMoney: 50_000,
      status: 'active',
      goalIds: [goalId],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Website relaunch',
      description: '',
      clientId: client.body.id,
      startDate: '2026-03-01',
      deadline: '2026-06-30',
      budgetHours: 400,
      budgetMoney: 50_000,
      status: 'active',
      goalIds: [goalId],
      progress: null,
      taskCount: 0,
      doneCount: 0,
      lateCount: 0,
      createdAt: '2026-03-02T09:00:00.000Z',
    });
    // each answer says what its caller may do: the manager who made it manages it; a member nothing
    expect(res.body.can).toEqual({ edit: true, delete: true, addTasks: true, plan: true });
    const read = await world.a.as.member.get<Project>(`/api/projects/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({
      ...res.body,
      can: { edit: false, delete: false, addTasks: false, plan: false },
    });
  });

  it('makes the creator the manager when managerId is omitted, and allows an explicit null', async () => {
    const mine = await makeProject({}, world.a.as.manager);
    expect(mine.managerId).toBe(world.a.as.manager.actor.personId);
    const unmanaged = await makeProject({ managerId: null });
    expect(unmanaged.managerId).toBeNull();
  });

  it('answers 400 with the field for bad input on create', async () => {
    const noName = await world.a.as.owner.post('/api/projects', { name: '   ' });
    expect(noName.status).toBe(400);
    expect(noName.body).toMatchObject({ error: { code: 'validation_failed' } });
    expect(issueFields(noName.body)).toContain('body.name');
    const badDate = await world.a.as.owner.post('/api/projects', { name: 'x', deadline: '2026-02-30' });
    expect(badDate.status).toBe(400);
    expect(issueFields(badDate.body)).toContain('body.deadline');
    const badStatus = await world.a.as.owner.post('/api/projects', { name: 'x', status: 'finished' });
    expect(badStatus.status).toBe(400);
    expect(issueFields(badStatus.body)).toContain('body.status');
    const badBudget = await world.a.as.owner.post('/api/projects', { name: 'x', budgetHours: 'many' });
    expect(badBudget.status).toBe(400);
    expect(issueFields(badBudget.body)).toContain('body.budgetHours');
  });

  it('answers 400 naming the field when a referenced id is not in the organization', async () => {
    const foreignGoal = await makeGoal(world.b.as.owner);
    const res = await world.a.as.owner.post('/api/projects', {
      name: 'x',
      managerId: world.b.as.manager.actor.personId,
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: {
        code: 'validation_failed',
        details: { issues: [{ field: 'body.managerId', reason: 'no such person in this organization' }] },
      },
    });
    const goals = await world.a.as.owner.post('/api/projects', { name: 'x', goalIds: [foreignGoal] });
    expect(goals.status).toBe(400);
    expect(goals.body).toMatchObject({
      error: {
        details: { issues: [{ field: 'body.goalIds.0', reason: 'no such goal in this organization' }] },
      },
    });
    const client = await world.a.as.owner.post('/api/projects', { name: 'x', clientId: 'no-such-client' });
    expect(client.status).toBe(400);
    expect(issueFields(client.body)).toEqual(['body.clientId']);
    const list = await world.a.as.owner.get<{ items: Project[] }>('/api/projects?limit=500');
    expect(list.body.items.some((p) => p.name === 'x')).toBe(false);
  });

  it('returns 401 without credentials on every route', async () => {
    const project = await makeProject();
    expect((await world.anonymous.get('/api/projects')).status).toBe(401);
    expect((await world.anonymous.post('/api/projects', { name: 'x' })).status).toBe(401);
    expect((await world.anonymous.get(`/api/projects/${project.id}`)).status).toBe(401);
    expect((await world.anonymous.patch(`/api/projects/${project.id}`, { name: 'x' })).status).toBe(401);
    expect((await world.anonymous.delete(`/api/projects/${project.id}`)).status).toBe(401);
  });

  it('returns 404 when the project belongs to another organization', async () => {
    const project = await makeProject();
    const get = await world.b.as.owner.get(`/api/projects/${project.id}`);
    expect(get.status).toBe(404);
    expect(get.body).toMatchObject({ error: { code: 'not_found' } });
    expect((await world.b.as.owner.patch(`/api/projects/${project.id}`, { name: 'stolen' })).status).toBe(
      404,
    );
    expect((await world.b.as.owner.delete(`/api/projects/${project.id}`)).status).toBe(404);
    expect((await world.a.as.owner.get('/api/projects/no-such-project')).status).toBe(404);
    const list = await world.b.as.owner.get<{ items: Project[] }>('/api/projects?limit=500');
    expect(list.body.items.map((p) => p.id)).not.toContain(project.id);
    expect((await world.a.as.owner.get<Project>(`/api/projects/${project.id}`)).body.name).toBe(project.name);
  });

  it('returns 403 when a member creates a project', async () => {
    const res = await world.a.as.member.post('/api/projects', { name: 'Side quest' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'forbidden' } });
  });

  it("returns 403 when a manager edits or deletes a project they don't manage, and lets them edit their own", async () => {
    const others = await makeProject({ managerId: world.a.as.leader.actor.personId });
    expect((await world.a.as.manager.patch(`/api/projects/${others.id}`, { name: 'Mine now' })).status).toBe(
      403,
    );
    expect((await world.a.as.manager.delete(`/api/projects/${others.id}`)).status).toBe(403);
    expect((await world.a.as.member.patch(`/api/projects/${others.id}`, { name: 'Mine now' })).status).toBe(
      403,
    );
    const own = await makeProject({ managerId: world.a.as.manager.actor.personId });
    const res = await world.a.as.manager.patch<Project>(`/api/projects/${own.id}`, { status: 'active' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('active');
  });

  it('updates only the given fields and replaces the goal links', async () => {
    const [g1, g2] = [await makeGoal(), await makeGoal()];
    const project = await makeProject({ description: 'keep me', status: 'active', goalIds: [g1] });
    world.clock.set('2026-03-02T10:00:00.000Z');
    const res = await world.a.as.leader.patch<Project>(`/api/projects/${project.id}`, {
      name: 'Renamed',
      deadline: null,
      goalIds: [g2],
      unknownField: 'ignored',
    });
    world.clock.set('2026-03-02T09:00:00.000Z');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Renamed',
      description: 'keep me',
      status: 'active',
      deadline: null,
      goalIds: [g2],
      updatedAt: '2026-03-02T10:00:00.000Z',
    });
    expect(res.body).not.toHaveProperty('unknownField');
    const byGoal = await world.a.as.member.get<{ items: Project[]; total: number }>(
      `/api/projects?goalId=${g2}`,
    );
    expect(byGoal.body.items.map((p) => p.id)).toEqual([project.id]);
    expect(byGoal.body.total).toBe(1);
    expect((await world.a.as.member.get(`/api/projects?goalId=${g1}`)).body).toMatchObject({ total: 0 });
  });

  it('keeps the project as it is on an empty PATCH', async () => {
    const goalId = await makeGoal();
    const project = await makeProject({ description: 'd', status: 'on_hold', goalIds: [goalId] });
    const res = await world.a.as.owner.patch<Project>(`/api/projects/${project.id}`, {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual(project);
  });

  it('answers 400 with the field for bad input on update', async () => {
    const project = await makeProject();
    const badName = await world.a.as.owner.patch(`/api/projects/${project.id}`, { name: '' });
    expect(badName.status).toBe(400);
    expect(issueFields(badName.body)).toContain('body.name');
    const badGoals = await world.a.as.owner.patch(`/api/projects/${project.id}`, { goalIds: 'g1' });
    expect(badGoals.status).toBe(400);
    expect(issueFields(badGoals.body)).toContain('body.goalIds');
    const foreignManager = await world.a.as.owner.patch(`/api/projects/${project.id}`, {
      managerId: world.b.as.owner.actor.personId,
    });
    expect(foreignManager.status).toBe(400);
    expect(issueFields(foreignManager.body)).toEqual(['body.managerId']);
  });

  it('lists a page of projects with a total, filtered by status and manager', async () => {
    const managerId = world.a.as.member.actor.personId;
    const made = [
      await makeProject({ managerId, status: 'cancelled' }),
      await makeProject({ managerId, status: 'cancelled' }),
      await makeProject({ managerId, status: 'cancelled' }),
    ];
    const page = await world.a.as.member.get<{
      items: Project[];
      total: number;
      limit: number;
      offset: number;
    }>(`/api/projects?status=cancelled&managerId=${managerId}&limit=2&offset=1`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect(page.body.items).toHaveLength(2);
    expect(made.map((p) => p.id)).toEqual(expect.arrayContaining(page.body.items.map((p) => p.id)));
    const bad = await world.a.as.member.get('/api/projects?status=unknown');
    expect(bad.status).toBe(400);
    expect(issueFields(bad.body)).toContain('querystring.status');
    const badLimit = await world.a.as.member.get('/api/projects?limit=0');
    expect(issueFields(badLimit.body)).toContain('querystring.limit');
  });

  it('moves progress and counts when a task is done, weighting tasks by their estimate', async () => {
    const project = await makeProject();
    const big = await makeTask(project.id, { estimateHours: 3 });
    await makeTask(project.id, { estimateHours: 1 });
    await makeTask(project.id, { deadline: '2026-03-01' }); // late: open with a deadline before today
    const before = await world.a.as.member.get<Project>(`/api/projects/${project.id}`);
    expect(before.body).toMatchObject({ progress: 0, taskCount: 3, doneCount: 0, lateCount: 1 });
    expect((await world.a.as.owner.patch(`/api/tasks/${big.id}`, { status: 'done' })).status).toBe(200);
    const after = await world.a.as.member.get<Project>(`/api/projects/${project.id}`);
    expect(after.body).toMatchObject({ progress: 3 / 5, taskCount: 3, doneCount: 1, lateCount: 1 });
    const listed = await world.a.as.member.get<{ items: Project[] }>('/api/projects?limit=500');
    expect(listed.body.items.find((p) => p.id === project.id)).toEqual(after.body);
  });

  it('counts a done project without tasks as complete', async () => {
    const project = await makeProject({ status: 'done' });
    expect(project.progress).toBe(1);
  });

  it('deletes a project together with its tasks', async () => {
    const project = await makeProject();
    const task = await makeTask(project.id);
    const res = await world.a.as.owner.delete(`/api/projects/${project.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect((await world.a.as.owner.get(`/api/projects/${project.id}`)).status).toBe(404);
    expect((await world.a.as.owner.get(`/api/tasks/${task.id}`)).status).toBe(404);
    expect((await world.a.as.owner.delete(`/api/projects/${project.id}`)).status).toBe(404);
  });
});
