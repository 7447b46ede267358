import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PlanGroups, PlanProposal, PlanRun } from '../../../core/schemas/planning';
import type { Project, Task } from '../../../core/schemas/work';
import { describeBackends } from '../../../test/backends';
import { expectPaging } from '../../../test/paging';
import { makeWorld, type Client, type World } from '../../../test/world';

interface Page<T> {
  items: T[];
  total: number;
}
interface ErrorBody {
  error: { code: string; details?: { issues?: { field: string }[] } };
}

const tag = () => Math.random().toString(36).slice(2, 8);

describeBackends('a proposal by project and by person', (backend) => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld(backend);
  });
  afterAll(async () => world.close());

  const owner = () => world.a.as.owner;

  async function plan(client: Client, body: Record<string, unknown>): Promise<PlanRun> {
    const res = await client.post<PlanRun>('/api/plan-runs', { timeLimitMs: 1000, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const run = await client.get<PlanRun>(`/api/plan-runs/${res.body.id}`);
      if (run.body.status !== 'queued' && run.body.status !== 'running') return run.body;
      if (Date.now() > deadline) throw new Error(`run still ${run.body.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Two projects: one task held by Ben, who lacks its skill; the others have nobody. */
  async function scenario() {
    const skill = (await owner().post<{ id: string }>('/api/skills', { name: `Copy ${tag()}` })).body.id;
    const person = async (name: string, skills: { skillId: string; level: number }[]) =>
      (
        await owner().post<{ id: string; name: string }>('/api/people', {
          name: `${name} ${tag()}`,
          capacityHoursPerWeek: 40,
          skills,
        })
      ).body;
    const ana = await person('Ana', [{ skillId: skill, level: 3 }]);
    const ben = await person('Ben', []);
    const project = async (name: string) =>
      (await owner().post<Project>('/api/projects', { name: `${name} ${tag()}`, status: 'active' })).body;
    const p = await project('Launch');
    const q = await project('Refresh');
    const task = async (projectId: string, body: Record<string, unknown>) => {
      const res = await owner().post<Task>('/api/tasks', { projectId, skillId: skill, minLevel: 2, ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    const held = await task(p.id, { title: 'Headline', estimateHours: 8, assigneeId: ben.id });
    const open = await task(p.id, { title: 'Body copy', estimateHours: 8 });
    const other = await task(q.id, { title: 'Tagline', estimateHours: 4 });
    return { ana, ben, p, q, held, open, other };
  }

  it('counts each group’s rows as the filtered proposal list does, with what the changes buy', async () => {
    const s = await scenario();
    const run = await plan(owner(), { projectIds: [s.p.id, s.q.id] });
    expect(run.status).toBe('done');
    expect(run.figures?.changes).toMatchObject({ unavailable: 1, new: 2 });
    expect(run.figures?.trade?.join(' ')).toMatch(
      /1 task change person .*because their person cannot do them/,
    );

    const rows = (await owner().get<Page<PlanProposal>>(`/api/plan-runs/${run.id}/proposals`)).body.items;
    const held = rows.find((r) => r.taskId === s.held.id)!;
    expect(held.changeReason).toBe('unavailable');
    expect(held.proposed?.personId).toBe(s.ana.id);
    expect(held.reasons[0]).toMatch(new RegExp(`Leaves ${s.ben.name}, who does not have Copy`));

    const byProject = await owner().get<PlanGroups>(`/api/plan-runs/${run.id}/groups?by=project`);
    expect(byProject.status).toBe(200);
    expect(byProject.body.groups.map((g) => g.key).sort()).toEqual([s.p.id, s.q.id].sort());
    for (const group of byProject.body.groups) {
      const listed = await owner().get<Page<PlanProposal>>(
        `/api/plan-runs/${run.id}/proposals?projectId=${group.key}`,
      );
      expect(group.tasks).toBe(listed.body.total);
      expect(group.changes).toBe(listed.body.items.filter((r) => r.isChanged).length);
      expect(Object.values(group.reasons).reduce((a, b) => a + b, 0)).toBe(group.changes);
    }
    const launch = byProject.body.groups.find((g) => g.key === s.p.id)!;
    expect(launch).toMatchObject({ name: s.p.name, tasks: 2, changes: 2, pending: 2 });
    expect(launch.reasons).toMatchObject({ unavailable: 1, new: 1 });
    expect(launch.summary).toMatch(/1 change person \(1 because their person cannot do them\)/);

    const byPerson = await owner().get<PlanGroups>(`/api/plan-runs/${run.id}/groups?by=person`);
    const ben = byPerson.body.groups.find((g) => g.key === s.ben.id)!;
    expect(ben).toMatchObject({ tasks: 1, leaving: 1, arriving: 0 });
    expect(ben.summary).toMatch(/1 task to others/);
    const ana = byPerson.body.groups.find((g) => g.key === s.ana.id)!;
    expect(ana).toMatchObject({ tasks: 3, arriving: 3, leaving: 0 });
    const nobody = byPerson.body.groups.find((g) => g.key === null)!;
    expect(nobody).toMatchObject({ name: 'Nobody', leaving: 2 });
    const nobodys = await owner().get<Page<PlanProposal>>(`/api/plan-runs/${run.id}/proposals?personId=none`);
    expect(nobodys.body.total).toBe(nobody.tasks);
    const bens = await owner().get<Page<PlanProposal>>(
      `/api/plan-runs/${run.id}/proposals?personId=${s.ben.id}`,
    );
    expect(bens.body.total).toBe(ben.tasks);
  });

  it('pages a proposal, lists each review tab as its rows say, counts them, and searches names', async () => {
    const s = await scenario();
    for (const title of ['Banner', 'Poster', 'Flyer'])
      expect((await owner().post('/api/tasks', { projectId: s.q.id, title, estimateHours: 2 })).status).toBe(
        201,
      );
    const run = await plan(owner(), { projectIds: [s.p.id, s.q.id] });
    const url = `/api/plan-runs/${run.id}/proposals`;
    const whole = await expectPaging(owner(), url, { includes: [s.held.id, s.other.id], key: 'taskId' });
    const all = whole.items as unknown as PlanProposal[];
    expect(all).toHaveLength(6);

    type Counted = Page<PlanProposal> & { counts: Record<string, number> };
    const tabs: Record<string, (r: PlanProposal) => boolean> = {
      changes: (r) => r.isChanged,
      person: (r) => r.isChanged && r.changesPerson,
      late: (r) => r.proposedLateHours > 0,
      unplaceable: (r) => r.unplaceable !== null,
      all: () => true,
    };
    for (const [show, keep] of Object.entries(tabs)) {
      const res = await owner().get<Counted>(`${url}?show=${show}&limit=500`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((r) => r.taskId)).toEqual(all.filter(keep).map((r) => r.taskId));
      expect(res.body.total).toBe(all.filter(keep).length);
      expect(res.body.counts[show]).toBe(all.filter(keep).length);
      expect(res.body.counts.pending).toBe(all.filter((r) => r.isChanged && r.appliedAt === null).length);
    }
    expect(all.filter(tabs.person!).length).toBeGreaterThan(0);

    // counts are of the group asked for, whatever the tab and the search
    const launch = await owner().get<Counted>(`${url}?projectId=${s.p.id}&show=late&q=zzz`);
    expect(launch.body.items).toEqual([]);
    expect(launch.body.counts).toMatchObject({ all: 2, changes: 2, pending: 2 });

    const search = async (q: string) =>
      (await owner().get<Counted>(`${url}?q=${encodeURIComponent(q)}&limit=500`)).body.items.map(
        (r) => r.taskId,
      );
    expect(await search('HEADLINE')).toEqual([s.held.id]);
    expect(await search(s.q.name.slice(0, 7).toUpperCase())).toEqual(
      all.filter((r) => r.projectId === s.q.id).map((r) => r.taskId),
    );
    const naming = (name: string) =>
      all
        .filter((r) => r.current.personName === name || r.proposed?.personName === name)
        .map((r) => r.taskId);
    expect(naming(s.ben.name)).toContain(s.held.id); // Ben has it now
    expect(await search(s.ben.name.toLowerCase())).toEqual(naming(s.ben.name));
    expect(await search(s.ana.name)).toEqual(naming(s.ana.name));
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);

    const tooMany = await owner().get<ErrorBody>(`${url}?limit=501`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details?.issues?.[0]?.field).toBe('querystring.limit');
  });

  it('applies one group’s changes and leaves the others pending', async () => {
    const s = await scenario();
    const run = await plan(owner(), { projectIds: [s.p.id, s.q.id] });
    const applied = await owner().post<{ applied: number }>(`/api/plan-runs/${run.id}/apply`, {
      projectId: s.q.id,
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.applied).toBe(1);
    expect((await owner().get<Task>(`/api/tasks/${s.other.id}`)).body.assigneeId).toBe(s.ana.id);
    expect((await owner().get<Task>(`/api/tasks/${s.held.id}`)).body.assigneeId).toBe(s.ben.id);

    const groups = (await owner().get<PlanGroups>(`/api/plan-runs/${run.id}/groups`)).body;
    expect(groups.by).toBe('project');
    expect(groups.groups.find((g) => g.key === s.q.id)?.pending).toBe(0);
    expect(groups.groups.find((g) => g.key === s.p.id)?.pending).toBe(2);
    // the tasks nobody had: "Body copy" (Headline is Ben's, Tagline is applied)
    const fromNobody = await owner().post<{ applied: number }>(`/api/plan-runs/${run.id}/apply`, {
      personId: 'none',
    });
    expect(fromNobody.body.applied).toBe(1);
    expect((await owner().get<Task>(`/api/tasks/${s.open.id}`)).body.assigneeId).toBe(s.ana.id);
    expect((await owner().get<Task>(`/api/tasks/${s.held.id}`)).body.assigneeId).toBe(s.ben.id);
  });

  it('refuses an unknown grouping, members, and other organizations’ runs', async () => {
    const s = await scenario();
    const run = await plan(owner(), { projectIds: [s.q.id] });
    const bad = await owner().get<ErrorBody>(`/api/plan-runs/${run.id}/groups?by=team`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details?.issues?.[0]?.field).toBe('querystring.by');
    const stranger = await owner().post<ErrorBody>(`/api/plan-runs/${run.id}/apply`, { personId: s.ben.id });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.details?.issues?.[0]?.field).toBe('body.personId');
    const elsewhere = await owner().post<ErrorBody>(`/api/plan-runs/${run.id}/apply`, { projectId: s.p.id });
    expect(elsewhere.status).toBe(400);
    expect((await world.a.as.member.get(`/api/plan-runs/${run.id}/groups`)).status).toBe(403);
    expect((await world.b.as.owner.get(`/api/plan-runs/${run.id}/groups`)).status).toBe(404);
  });
});
