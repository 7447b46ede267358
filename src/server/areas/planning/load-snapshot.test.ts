import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Project, Task } from '../../../core/schemas/work';
import { describeBackends } from '../../../test/backends';
import { makeWorld, type World } from '../../../test/world';
import { buildPlanInput } from './build-input';
import { loadSnapshot } from './load-snapshot';
import { fingerprintOf } from './snapshot';

const tag = () => Math.random().toString(36).slice(2, 8);

describeBackends('plan input from the database', (backend) => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld(backend);
  });
  afterAll(async () => world.close());
  const owner = () => world.a.as.owner;

  /** Hand-made: a part-timer with a day off, a pinned task, a task in progress, done work, another project. */
  async function handMade() {
    const skill = (await owner().post<{ id: string }>('/api/skills', { name: `Copy ${tag()}` })).body.id;
    const ana = (
      await owner().post<{ id: string }>('/api/people', {
        name: `Ana ${tag()}`,
        capacityHoursPerWeek: 20,
        costRate: 40,
        skills: [{ skillId: skill, level: 3 }],
      })
    ).body;
    const off = await owner().post(`/api/people/${ana.id}/time-off`, {
      startDate: '2026-03-05',
      endDate: '2026-03-06',
    });
    expect(off.status).toBe(201);
    const project = (await owner().post<Project>('/api/projects', { name: `P ${tag()}`, status: 'active' }))
      .body;
    const other = (await owner().post<Project>('/api/projects', { name: `Q ${tag()}`, status: 'active' }))
      .body;
    const make = async (body: Record<string, unknown>) =>
      (await owner().post<Task>('/api/tasks', { projectId: project.id, skillId: skill, ...body })).body;
    const pinned = await make({
      title: 'Pinned',
      estimateHours: 8,
      assigneeId: ana.id,
      plannedStart: '2026-03-09',
      plannedEnd: '2026-03-09',
      pinned: true,
    });
    const doing = await make({ title: 'Doing', estimateHours: 10, assigneeId: ana.id, status: 'doing' });
    const logged = await owner().post(`/api/tasks/${doing.id}/time-entries`, {
      personId: ana.id,
      hours: 4,
      date: '2026-02-27',
    });
    expect(logged.status).toBe(201);
    const done = await make({ title: 'Done', estimateHours: 8, status: 'done' });
    const after = await make({ title: 'After', estimateHours: 3, dependsOn: [done.id, pinned.id] });
    const elsewhere = (
      await owner().post<Task>('/api/tasks', {
        projectId: other.id,
        title: 'Elsewhere',
        estimateHours: 4,
        assigneeId: ana.id,
        plannedStart: '2026-03-03',
        plannedEnd: '2026-03-03',
      })
    ).body;
    return { skill, ana, project, pinned, doing, done, after, elsewhere };
  }

  it('reads open tasks in scope, remaining hours, pins, time off, capacity and other projects’ work', async () => {
    const h = await handMade();
    const snapshot = await loadSnapshot(world.db.db, world.a.orgId, [h.project.id], '2026-03-02');
    expect(snapshot.tasks.map((t) => t.title).sort()).toEqual(['After', 'Doing', 'Pinned']);
    const doing = snapshot.tasks.find((t) => t.id === h.doing.id)!;
    expect(doing.loggedHours).toBe(4);
    const after = snapshot.tasks.find((t) => t.id === h.after.id)!;
    expect(after.dependsOn.sort()).toEqual([h.done.id, h.pinned.id].sort());
    expect(snapshot.commitments).toContainEqual(
      expect.objectContaining({ taskId: h.elsewhere.id, personId: h.ana.id, hours: 4 }),
    );
    const ana = snapshot.people.find((p) => p.id === h.ana.id)!;
    expect(ana.timeOff).toEqual([{ startDate: '2026-03-05', endDate: '2026-03-06' }]);

    const built = buildPlanInput(snapshot, { keepAssignees: false });
    const byId = new Map(built.input.activities.map((a) => [a.id, a]));
    // 10 h estimate, 4 h logged: 6 hours left; in progress keeps Ana
    expect(byId.get(h.doing.id)).toMatchObject({ duration: 6, pin: { person: h.ana.id } });
    // pinned on Monday 9 March: the sixth working day
    expect(byId.get(h.pinned.id)!.pin).toEqual({ person: h.ana.id, start: 40 });
    // the done predecessor is not waited for
    expect(byId.get(h.after.id)!.predecessors).toEqual([h.pinned.id]);
    const calendar = built.input.people!.find((p) => p.id === h.ana.id)!.calendar!;
    expect(calendar.capacity).toBe(0.5);
    // Thursday and Friday off: the fourth and fifth working days
    expect(calendar.daysOff).toEqual(Array.from({ length: 16 }, (_, i) => 24 + i));
    // 4 h of the other project on Tuesday take a half-timer's whole day
    expect(calendar.periods!.slice(8, 16)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('changes its fingerprint when a task in scope or a profile changes, not when time is logged', async () => {
    const h = await handMade();
    const read = async () =>
      fingerprintOf(await loadSnapshot(world.db.db, world.a.orgId, [h.project.id], '2026-03-02'));
    const first = await read();
    await owner().post(`/api/tasks/${h.doing.id}/time-entries`, { personId: h.ana.id, hours: 1 });
    expect(await read()).toBe(first);
    await owner().patch(`/api/tasks/${h.after.id}`, { deadline: '2026-03-20' });
    const second = await read();
    expect(second).not.toBe(first);
    await owner().patch(`/api/people/${h.ana.id}`, { capacityHoursPerWeek: 32 });
    expect(await read()).not.toBe(second);
  });
});
