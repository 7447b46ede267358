import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Project, Task } from '../../../core/schemas/work';
import { describeBackends } from '../../../test/backends';
import { expectPaging } from '../../../test/paging';
import { makeWorld, type Client, type World } from '../../../test/world';

interface ErrorBody {
  error: { code: string; message: string; details?: { issues?: { field: string; reason: string }[] } };
}
interface TimeEntry {
  id: string;
  taskId: string;
  personId: string;
  date: string;
  hours: number;
  note: string;
}
interface TaskPage {
  items: Task[];
  total: number;
  limit: number;
  offset: number;
}

const START = '2026-03-02T09:00:00.000Z';

describeBackends('tasks API', (backend) => {
  let world: World;
  let counter = 0;
  beforeAll(async () => {
    world = await makeWorld(backend);
  });
  afterEach(() => world.clock.set(START));
  afterAll(async () => world.close());

  const person = (client: Client) => client.actor.personId!;
  const issues = (body: unknown) => (body as ErrorBody).error.details?.issues ?? [];
  const issueFields = (body: unknown) => issues(body).map((issue) => issue.field);

  /** A fresh project managed by A's manager. */
  async function makeProject(body: Record<string, unknown> = {}): Promise<Project> {
    const res = await world.a.as.owner.post<Project>('/api/projects', {
      name: `Project ${++counter}`,
      managerId: person(world.a.as.manager),
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body;
  }
  async function makeTask(body: Record<string, unknown>, as: Client = world.a.as.owner): Promise<Task> {
    const res = await as.post<Task>('/api/tasks', { title: `Task ${++counter}`, ...body });
    expect(res.status).toBe(201);
    return res.body;
  }
  async function logTime(as: Client, taskId: string, body: Record<string, unknown>) {
    return as.post<TimeEntry>(`/api/tasks/${taskId}/time-entries`, body);
  }

  it('creates a task in a project and reads it back with its computed fields', async () => {
    const project = await makeProject();
    const skill = await world.a.as.owner.post<{ id: string }>('/api/skills', { name: `Skill ${++counter}` });
    expect(skill.status).toBe(201);
    const res = await world.a.as.manager.post<Task>('/api/tasks', {
      title: 'Design the landing page',
      projectId: project.id,
      estimateHours: 12,
      skillId: skill.body.id,
      minLevel: 3,
      deadline: '2026-03-20',
      assigneeId: person(world.a.as.member),
      plannedStart: '2026-03-03',
      plannedEnd: '2026-03-06',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      projectId: project.id,
      goalId: null,
      title: 'Design the landing page',
      description: '',
      estimateHours: 12,
      skillId: skill.body.id,
      minLevel: 3,
      deadline: '2026-03-20',
      assigneeId: person(world.a.as.member),
      status: 'todo',
      plannedStart: '2026-03-03',
      plannedEnd: '2026-03-06',
      dependsOn: [],
      loggedHours: 0,
      isLate: false,
      createdAt: START,
      updatedAt: START,
    });
    // each answer says what its caller may do: the project's manager everything, the assignee
    // (a member) only the status and their own time
    expect(res.body.can).toEqual({
      edit: true,
      changeStatus: true,
      logTime: true,
      logTimeForOthers: true,
      delete: true,
    });
    const read = await world.a.as.member.get<Task>(`/api/tasks/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({
      ...res.body,
      can: { edit: false, changeStatus: true, logTime: true, logTimeForOthers: false, delete: false },
    });
  });

  it('lets a manager add a task directly to a goal', async () => {
    const goal = await world.a.as.owner.post<{ id: string }>('/api/goals', {
      kind: 'objective',
      title: `Goal ${++counter}`,
    });
    expect(goal.status).toBe(201);
    const task = await makeTask({ goalId: goal.body.id }, world.a.as.manager);
    expect(task).toMatchObject({ goalId: goal.body.id, projectId: null });
    expect((await world.a.as.member.post('/api/tasks', { title: 'x', goalId: goal.body.id })).status).toBe(
      403,
    );
  });

  it('answers 400 with the field for bad input on create', async () => {
    const project = await makeProject();
    const orphan = await world.a.as.owner.post('/api/tasks', { title: 'Nowhere' });
    expect(orphan.status).toBe(400);
    expect(orphan.body).toMatchObject({ error: { code: 'validation_failed' } });
    expect(issueFields(orphan.body)).toContain('body.projectId');
    const noTitle = await world.a.as.owner.post('/api/tasks', { projectId: project.id });
    expect(issueFields(noTitle.body)).toContain('body.title');
    const badEstimate = await world.a.as.owner.post('/api/tasks', {
      title: 'x',
      projectId: project.id,
      estimateHours: -1,
    });
    expect(badEstimate.status).toBe(400);
    expect(issueFields(badEstimate.body)).toContain('body.estimateHours');
    const badLevel = await world.a.as.owner.post('/api/tasks', {
      title: 'x',
      projectId: project.id,
      minLevel: 9,
    });
    expect(issueFields(badLevel.body)).toContain('body.minLevel');
    const badStatus = await world.a.as.owner.post('/api/tasks', {
      title: 'x',
      projectId: project.id,
      status: 'finished',
    });
    expect(issueFields(badStatus.body)).toContain('body.status');
    const badDeps = await world.a.as.owner.post('/api/tasks', {
      title: 'x',
      projectId: project.id,
      dependsOn: 'a',
    });
    expect(issueFields(badDeps.body)).toContain('body.dependsOn');
  });

  it('answers 400 naming the field when a referenced id is not in the organization', async () => {
    const project = await makeProject();
    const foreignProject = await world.b.as.owner.post<Project>('/api/projects', { name: 'B project' });
    const foreignTask = await makeTask({ projectId: foreignProject.body.id }, world.b.as.owner);
    const assignee = await world.a.as.owner.post('/api/tasks', {
      title: 'x',
      projectId: project.id,
      assigneeId: person(world.b.as.member),
    });
    expect(assignee.status).toBe(400);
    expect(assignee.body).toMatchObject({
      error: {
        code: 'validation_failed',
        details: { issues: [{ field: 'body.assigneeId', reason: 'no such person in this organization' }] },
      },
    });
    const inForeignProject = await world.a.as.owner.post('/api/tasks', {
      title: 'x',
      projectId: foreignProject.body.id,
    });
    expect(inForeignProject.status).toBe(400);
    expect(issueFields(inForeignProject.body)).toEqual(['body.projectId']);
    const dependency = await world.a.as.owner.post('/api/tasks', {
      title: 'x',
      projectId: project.id,
      dependsOn: [foreignTask.id],
    });
    expect(dependency.status).toBe(400);
    expect(issues(dependency.body)).toEqual([
      { field: 'body.dependsOn.0', reason: 'no such task in this organization' },
    ]);
    const skill = await world.a.as.owner.post('/api/tasks', {
      title: 'x',
      projectId: project.id,
      skillId: 'nope',
    });
    expect(issueFields(skill.body)).toEqual(['body.skillId']);
  });

  it('returns 401 without credentials on every route', async () => {
    const task = await makeTask({ projectId: (await makeProject()).id });
    const entry = await logTime(world.a.as.owner, task.id, { hours: 1 });
    expect(entry.status).toBe(201);
    for (const res of [
      await world.anonymous.get('/api/tasks'),
      await world.anonymous.post('/api/tasks', { title: 'x', projectId: task.projectId }),
      await world.anonymous.get(`/api/tasks/${task.id}`),
      await world.anonymous.patch(`/api/tasks/${task.id}`, { status: 'done' }),
      await world.anonymous.delete(`/api/tasks/${task.id}`),
      await world.anonymous.get(`/api/tasks/${task.id}/time-entries`),
      await world.anonymous.post(`/api/tasks/${task.id}/time-entries`, { hours: 1 }),
      await world.anonymous.delete(`/api/time-entries/${entry.body.id}`),
    ]) {
      expect(res.status).toBe(401);
    }
  });

  it('returns 404 when the task or time entry belongs to another organization', async () => {
    const task = await makeTask({ projectId: (await makeProject()).id });
    const entry = await logTime(world.a.as.owner, task.id, { hours: 1, personId: person(world.a.as.member) });
    expect(entry.status).toBe(201);
    const b = world.b.as.owner;
    for (const res of [
      await b.get(`/api/tasks/${task.id}`),
      await b.patch(`/api/tasks/${task.id}`, { title: 'stolen' }),
      await b.delete(`/api/tasks/${task.id}`),
      await b.get(`/api/tasks/${task.id}/time-entries`),
      await b.post(`/api/tasks/${task.id}/time-entries`, { hours: 1 }),
      await b.delete(`/api/time-entries/${entry.body.id}`),
      await world.a.as.owner.get('/api/tasks/no-such-task'),
      await world.a.as.owner.delete('/api/time-entries/no-such-entry'),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: { code: 'not_found' } });
    }
    expect((await b.get<TaskPage>('/api/tasks?limit=500')).body.items.map((t) => t.id)).not.toContain(
      task.id,
    );
    const after = await world.a.as.owner.get<Task>(`/api/tasks/${task.id}`);
    expect(after.body).toMatchObject({ title: task.title, loggedHours: 1 });
  });

  it("returns 403 when a manager or member adds a task to a project they don't manage", async () => {
    const others = await makeProject({ managerId: person(world.a.as.leader) });
    expect((await world.a.as.manager.post('/api/tasks', { title: 'x', projectId: others.id })).status).toBe(
      403,
    );
    const res = await world.a.as.member.post('/api/tasks', { title: 'x', projectId: others.id });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'forbidden' } });
    const own = await makeProject();
    expect((await world.a.as.manager.post('/api/tasks', { title: 'x', projectId: own.id })).status).toBe(201);
  });

  it('returns 403 when the assignee changes anything but the status', async () => {
    const task = await makeTask({
      projectId: (await makeProject()).id,
      assigneeId: person(world.a.as.member),
    });
    const title = await world.a.as.member.patch(`/api/tasks/${task.id}`, { title: 'Renamed' });
    expect(title.status).toBe(403);
    expect(title.body).toMatchObject({ error: { code: 'forbidden' } });
    const mixed = await world.a.as.member.patch(`/api/tasks/${task.id}`, {
      status: 'done',
      estimateHours: 1,
    });
    expect(mixed.status).toBe(403);
    const status = await world.a.as.member.patch<Task>(`/api/tasks/${task.id}`, { status: 'doing' });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ status: 'doing', title: task.title });
    expect((await world.a.as.member.delete(`/api/tasks/${task.id}`)).status).toBe(403);
  });

  it('returns 403 when someone neither managing nor assigned edits or deletes a task', async () => {
    const others = await makeProject({ managerId: person(world.a.as.leader) });
    const task = await makeTask({ projectId: others.id, assigneeId: person(world.a.as.leader) });
    expect((await world.a.as.member.patch(`/api/tasks/${task.id}`, { status: 'done' })).status).toBe(403);
    expect((await world.a.as.manager.patch(`/api/tasks/${task.id}`, { status: 'done' })).status).toBe(403);
    expect((await world.a.as.manager.delete(`/api/tasks/${task.id}`)).status).toBe(403);
  });

  it("lets the project's manager edit every field, move the task only into projects they manage, and delete it", async () => {
    const project = await makeProject();
    const task = await makeTask({ projectId: project.id });
    const res = await world.a.as.manager.patch<Task>(`/api/tasks/${task.id}`, {
      title: 'Renamed',
      description: 'Now with details',
      estimateHours: 5,
      assigneeId: person(world.a.as.member),
      deadline: '2026-04-01',
      unknownField: true,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: 'Renamed',
      description: 'Now with details',
      estimateHours: 5,
      assigneeId: person(world.a.as.member),
      deadline: '2026-04-01',
    });
    expect(res.body).not.toHaveProperty('unknownField');
    const others = await makeProject({ managerId: person(world.a.as.leader) });
    expect((await world.a.as.manager.patch(`/api/tasks/${task.id}`, { projectId: others.id })).status).toBe(
      403,
    );
    expect((await world.a.as.manager.delete(`/api/tasks/${task.id}`)).status).toBe(200);
    expect((await world.a.as.manager.get(`/api/tasks/${task.id}`)).status).toBe(404);
  });

  it('keeps the task as it is on an empty PATCH', async () => {
    const project = await makeProject();
    const dep = await makeTask({ projectId: project.id });
    const task = await makeTask({ projectId: project.id, dependsOn: [dep.id], estimateHours: 2 });
    const res = await world.a.as.owner.patch<Task>(`/api/tasks/${task.id}`, {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual(task);
  });

  it('answers 400 with the field for bad input on update', async () => {
    const task = await makeTask({ projectId: (await makeProject()).id });
    const badTitle = await world.a.as.owner.patch(`/api/tasks/${task.id}`, { title: '' });
    expect(badTitle.status).toBe(400);
    expect(issueFields(badTitle.body)).toContain('body.title');
    const badType = await world.a.as.owner.patch(`/api/tasks/${task.id}`, { estimateHours: 'lots' });
    expect(issueFields(badType.body)).toContain('body.estimateHours');
    const nowhere = await world.a.as.owner.patch(`/api/tasks/${task.id}`, { projectId: null });
    expect(nowhere.status).toBe(400);
    expect(issueFields(nowhere.body)).toEqual(['body.projectId']);
    const foreign = await world.a.as.owner.patch(`/api/tasks/${task.id}`, {
      assigneeId: person(world.b.as.owner),
    });
    expect(issues(foreign.body)).toEqual([
      { field: 'body.assigneeId', reason: 'no such person in this organization' },
    ]);
  });

  it('sets and replaces finish-to-start dependencies, and refuses a self-dependency', async () => {
    const project = await makeProject();
    const [a, b, c] = [
      await makeTask({ projectId: project.id }),
      await makeTask({ projectId: project.id }),
      await makeTask({ projectId: project.id }),
    ];
    const task = await makeTask({ projectId: project.id, dependsOn: [a.id, b.id, a.id] });
    expect([...task.dependsOn].sort()).toEqual([a.id, b.id].sort());
    const replaced = await world.a.as.owner.patch<Task>(`/api/tasks/${task.id}`, { dependsOn: [c.id] });
    expect(replaced.status).toBe(200);
    expect(replaced.body.dependsOn).toEqual([c.id]);
    const self = await world.a.as.owner.patch(`/api/tasks/${task.id}`, { dependsOn: [task.id] });
    expect(self.status).toBe(400);
    expect(issueFields(self.body)).toEqual(['body.dependsOn']);
    expect((await world.a.as.owner.get<Task>(`/api/tasks/${task.id}`)).body.dependsOn).toEqual([c.id]);
  });

  it('rejects dependencies that would form a cycle with 400 naming the tasks', async () => {
    const project = await makeProject();
    const design = await makeTask({ projectId: project.id, title: 'Design' });
    const build = await makeTask({ projectId: project.id, title: 'Build', dependsOn: [design.id] });
    const launch = await makeTask({ projectId: project.id, title: 'Launch', dependsOn: [build.id] });
    const res = await world.a.as.owner.patch(`/api/tasks/${design.id}`, { dependsOn: [launch.id] });
    expect(res.status).toBe(400);
    const [issue] = issues(res.body);
    expect(issue?.field).toBe('body.dependsOn');
    expect(issue?.reason).toContain('cycle');
    for (const title of ['Design', 'Build', 'Launch']) expect(issue?.reason).toContain(`"${title}"`);
    expect((await world.a.as.owner.get<Task>(`/api/tasks/${design.id}`)).body.dependsOn).toEqual([]);
  });

  it('deletes a task with its dependency links and logged time', async () => {
    const project = await makeProject();
    const first = await makeTask({ projectId: project.id });
    const second = await makeTask({ projectId: project.id, dependsOn: [first.id] });
    const entry = await logTime(world.a.as.owner, first.id, {
      hours: 2,
      personId: person(world.a.as.member),
    });
    expect((await world.a.as.owner.delete(`/api/tasks/${first.id}`)).body).toEqual({ ok: true });
    expect((await world.a.as.owner.get<Task>(`/api/tasks/${second.id}`)).body.dependsOn).toEqual([]);
    expect((await world.a.as.owner.delete(`/api/time-entries/${entry.body.id}`)).status).toBe(404);
  });

  it('marks a task late when it is open and its deadline is before today (fixed clock 2026-03-02)', async () => {
    const project = await makeProject();
    const overdue = await makeTask({ projectId: project.id, deadline: '2026-03-01' });
    const dueToday = await makeTask({ projectId: project.id, deadline: '2026-03-02' });
    const doneLate = await makeTask({ projectId: project.id, deadline: '2026-02-01', status: 'done' });
    const noDeadline = await makeTask({ projectId: project.id });
    expect([overdue.isLate, dueToday.isLate, doneLate.isLate, noDeadline.isLate]).toEqual([
      true,
      false,
      false,
      false,
    ]);
    const late = await world.a.as.member.get<TaskPage>(`/api/tasks?projectId=${project.id}&isLate=true`);
    expect(late.body.items.map((t) => t.id)).toEqual([overdue.id]);
    expect(late.body.total).toBe(1);
    const onTime = await world.a.as.member.get<TaskPage>(`/api/tasks?projectId=${project.id}&isLate=false`);
    expect(onTime.body.total).toBe(3);
    world.clock.set('2026-03-03T09:00:00.000Z');
    expect((await world.a.as.member.get<Task>(`/api/tasks/${dueToday.id}`)).body.isLate).toBe(true);
    const bad = await world.a.as.member.get('/api/tasks?isLate=yes');
    expect(bad.status).toBe(400);
    expect(issueFields(bad.body)).toContain('querystring.isLate');
  });

  it('lists a page of tasks with a total, filtered by project, assignee and status', async () => {
    const project = await makeProject();
    const assigneeId = person(world.a.as.member);
    await makeTask({ projectId: project.id, assigneeId, status: 'blocked' });
    await makeTask({ projectId: project.id, assigneeId, status: 'blocked' });
    await makeTask({ projectId: project.id, assigneeId, status: 'doing' });
    await makeTask({ projectId: project.id, status: 'blocked' });
    const page = await world.a.as.member.get<TaskPage>(
      `/api/tasks?projectId=${project.id}&assigneeId=${assigneeId}&status=blocked&limit=1&offset=1`,
    );
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 2, limit: 1, offset: 0 + 1 });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0]).toMatchObject({ status: 'blocked', assigneeId });
    const badLimit = await world.a.as.member.get('/api/tasks?limit=9999');
    expect(badLimit.status).toBe(400);
    expect(issueFields(badLimit.body)).toContain('querystring.limit');
  });

  it('lists every task as reading it alone does (dependencies, logged time, what the caller may do)', async () => {
    const project = await makeProject();
    const other = await makeProject({ managerId: null });
    const member = person(world.a.as.member);
    const a = await makeTask({ projectId: project.id, assigneeId: member });
    const b = await makeTask({ projectId: project.id, dependsOn: [a.id] });
    const c = await makeTask({ projectId: project.id, dependsOn: [b.id, a.id], assigneeId: member });
    await makeTask({ projectId: other.id, assigneeId: member });
    expect((await logTime(world.a.as.member, a.id, { hours: 2 })).status).toBe(201);
    expect((await logTime(world.a.as.member, a.id, { hours: 0.5 })).status).toBe(201);
    expect((await logTime(world.a.as.member, c.id, { hours: 1 })).status).toBe(201);
    for (const as of [world.a.as.manager, world.a.as.member, world.a.as.owner]) {
      for (const query of [`projectId=${project.id}`, `assigneeId=${member}`]) {
        const listed = await as.get<TaskPage>(`/api/tasks?${query}&limit=500`);
        expect(listed.status).toBe(200);
        expect(listed.body.items.length).toBe(listed.body.total);
        for (const item of listed.body.items)
          expect(item).toEqual((await as.get<Task>(`/api/tasks/${item.id}`)).body);
      }
    }
    // the fixed clock gives them one created_at, so the list orders them by id
    const listed = await world.a.as.member.get<TaskPage>(`/api/tasks?projectId=${project.id}`);
    const expected = [
      [a.id, [], 2.5],
      [b.id, [a.id], 0],
      [c.id, [a.id, b.id].sort(), 1],
    ].sort((x, y) => (String(x[0]) < String(y[0]) ? -1 : 1));
    expect(listed.body.items.map((t) => [t.id, t.dependsOn, t.loggedHours])).toEqual(expected);
  });

  it('answers the total with a page past the end, and 0 for a filter nothing matches', async () => {
    const project = await makeProject();
    await makeTask({ projectId: project.id });
    await makeTask({ projectId: project.id });
    const past = await world.a.as.member.get<TaskPage>(`/api/tasks?projectId=${project.id}&offset=5`);
    expect(past.body).toEqual({ items: [], total: 2, limit: 100, offset: 5 });
    const none = await world.a.as.member.get<TaskPage>(`/api/tasks?projectId=${project.id}&status=done`);
    expect(none.body).toEqual({ items: [], total: 0, limit: 100, offset: 0 });
  });

  it('sums the logged time of a task into loggedHours', async () => {
    const task = await makeTask({
      projectId: (await makeProject()).id,
      assigneeId: person(world.a.as.member),
    });
    const first = await logTime(world.a.as.member, task.id, { hours: 2, note: 'kick-off' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      taskId: task.id,
      personId: person(world.a.as.member),
      date: '2026-03-02',
      hours: 2,
      note: 'kick-off',
    });
    expect((await logTime(world.a.as.member, task.id, { hours: 1.5, date: '2026-03-01' })).status).toBe(201);
    expect((await world.a.as.member.get<Task>(`/api/tasks/${task.id}`)).body.loggedHours).toBe(3.5);
    const list = await world.a.as.leader.get<{ items: TimeEntry[] }>(`/api/tasks/${task.id}/time-entries`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((e) => [e.date, e.hours])).toEqual([
      ['2026-03-01', 1.5],
      ['2026-03-02', 2],
    ]);
    const listed = await world.a.as.member.get<TaskPage>(`/api/tasks?projectId=${task.projectId}`);
    expect(listed.body.items[0]?.loggedHours).toBe(3.5);
  });

  it("pages a task's time entries oldest first, counting them all, and answers 400 for a limit out of range", async () => {
    const task = await makeTask({ projectId: (await makeProject()).id });
    const ids: string[] = [];
    for (const date of ['2026-02-27', '2026-02-23', '2026-02-26', '2026-02-24', '2026-02-25']) {
      const entry = await logTime(world.a.as.owner, task.id, { hours: 1, date });
      expect(entry.status).toBe(201);
      ids.push(entry.body.id);
    }
    const whole = await expectPaging(world.a.as.member, `/api/tasks/${task.id}/time-entries`, {
      includes: ids,
    });
    expect(whole.total).toBe(5);
    expect((whole.items as TimeEntry[]).map((e) => e.date)).toEqual([
      '2026-02-23',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
    ]);
  });

  it('answers 400 with the field for bad time entries', async () => {
    const task = await makeTask({ projectId: (await makeProject()).id });
    const zero = await logTime(world.a.as.owner, task.id, { hours: 0 });
    expect(zero.status).toBe(400);
    expect(issueFields(zero.body)).toContain('body.hours');
    expect(issueFields((await logTime(world.a.as.owner, task.id, { hours: 25 })).body)).toContain(
      'body.hours',
    );
    expect(
      issueFields((await logTime(world.a.as.owner, task.id, { hours: 1, date: 'today' })).body),
    ).toContain('body.date');
    const foreign = await logTime(world.a.as.owner, task.id, {
      hours: 1,
      personId: person(world.b.as.member),
    });
    expect(issues(foreign.body)).toEqual([
      { field: 'body.personId', reason: 'no such person in this organization' },
    ]);
  });

  it("returns 403 when logging time that isn't your own time on your own task", async () => {
    const task = await makeTask({
      projectId: (await makeProject()).id,
      assigneeId: person(world.a.as.member),
    });
    const notAssigned = await makeTask({ projectId: task.projectId });
    expect((await logTime(world.a.as.member, notAssigned.id, { hours: 1 })).status).toBe(403);
    const forSomeoneElse = await logTime(world.a.as.member, task.id, {
      hours: 1,
      personId: person(world.a.as.leader),
    });
    expect(forSomeoneElse.status).toBe(403);
    expect(forSomeoneElse.body).toMatchObject({ error: { code: 'forbidden' } });
    // the project's manager and leaders log anyone's time
    expect(
      (await logTime(world.a.as.manager, task.id, { hours: 1, personId: person(world.a.as.member) })).status,
    ).toBe(201);
    expect(
      (await logTime(world.a.as.leader, notAssigned.id, { hours: 1, personId: person(world.a.as.member) }))
        .status,
    ).toBe(201);
  });

  it("lets the entry's person remove it and returns 403 for other members", async () => {
    const task = await makeTask({
      projectId: (await makeProject()).id,
      assigneeId: person(world.a.as.member),
    });
    const entry = await logTime(world.a.as.member, task.id, { hours: 1 });
    const byManagerForLeader = await logTime(world.a.as.manager, task.id, {
      hours: 1,
      personId: person(world.a.as.leader),
    });
    expect((await world.a.as.member.delete(`/api/time-entries/${byManagerForLeader.body.id}`)).status).toBe(
      403,
    );
    expect((await world.a.as.member.delete(`/api/time-entries/${entry.body.id}`)).body).toEqual({ ok: true });
    expect((await world.a.as.manager.delete(`/api/time-entries/${byManagerForLeader.body.id}`)).status).toBe(
      200,
    );
    expect((await world.a.as.member.get<Task>(`/api/tasks/${task.id}`)).body.loggedHours).toBe(0);
  });
});
